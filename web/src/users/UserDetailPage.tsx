import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client.ts';
import { type Role, actingRole, useMe } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { formatTime } from '../components/format.ts';
import { Section } from '../account/Section.tsx';
import { AddToGroup } from './AddToGroup.tsx';
import { AttributeValues } from './AttributeValues.tsx';
import { EffectiveAccess } from './EffectiveAccess.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { ROLE_LABELS, roleFields, roleOf } from './roles.ts';

/** One member: groups, attributes and effective access; admins change their role and disable or re-enable them. */
export default function UserDetailPage() {
  const { userId = '' } = useParams();
  const me = useMe().data;
  const isAdmin = me ? actingRole(me) === 'admin' : false;
  const queryClient = useQueryClient();
  const user = useQuery({
    queryKey: ['users', userId],
    queryFn: () => call(api.GET('/users/{userId}', { params: { path: { userId } } })),
  });
  const update = useMutation({
    mutationFn: (body: { isAdmin?: boolean; userType?: 'default' | 'endUser'; isDisabled?: boolean }) =>
      call(api.PUT('/users/{userId}', { params: { path: { userId } }, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData(['users', userId], updated);
      void queryClient.invalidateQueries({ queryKey: ['users'], exact: false, predicate: (query) => query.queryKey[1] !== userId });
      notifications.show({ color: 'green', message: 'Saved.' });
    },
  });

  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/users" size="sm">
        ← Users
      </Anchor>
      <QueryView query={user}>
        {(member) => (
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {`${member.firstName} ${member.lastName}`.trim() || member.email}
              </Title>
              <StatusBadge disabled={member.isDisabled} />
            </Group>
            <Text size="sm">
              {member.email} · member since {formatTime(member.createdAt)}
            </Text>
            {update.isError && <ErrorAlert error={update.error} title="Could not save" />}
            <Section title="Role and status">
              {isAdmin ? (
                <Group align="flex-end">
                  <NativeSelect
                    label="Role"
                    value={roleOf(member)}
                    data={(Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                    onChange={(event) => update.mutate(roleFields(event.currentTarget.value as Role))}
                    disabled={update.isPending}
                  />
                  {member.isDisabled ? (
                    <Button variant="default" onClick={() => update.mutate({ isDisabled: false })} loading={update.isPending}>
                      Re-enable
                    </Button>
                  ) : (
                    <ConfirmButton
                      title="Disable this user?"
                      message="They can no longer sign in to this workspace, and their tokens stop working here, until re-enabled."
                      onConfirm={() => update.mutate({ isDisabled: true })}
                    >
                      Disable
                    </ConfirmButton>
                  )}
                </Group>
              ) : (
                <Text size="sm">{ROLE_LABELS[roleOf(member)]}</Text>
              )}
            </Section>
            <Section title="Groups">
              {member.groups.length === 0 ? (
                <Text size="sm" c="dimmed">
                  In no group.
                </Text>
              ) : (
                <Group gap="xs">
                  {member.groups.map((group) => (
                    <Badge key={group.id} variant="default" tt="none" component={Link} to={`/groups/${group.id}`} style={{ cursor: 'pointer' }}>
                      {group.name}
                    </Badge>
                  ))}
                </Group>
              )}
              {isAdmin && <AddToGroup userId={userId} memberOf={member.groups.map((group) => group.id)} />}
            </Section>
            <Section title="Attributes">
              {isAdmin ? (
                <AttributeValues userId={userId} values={member.attributes} />
              ) : Object.keys(member.attributes).length === 0 ? (
                <Text size="sm" c="dimmed">
                  No attribute values.
                </Text>
              ) : (
                <Table fz="sm" verticalSpacing={4}>
                  <Table.Tbody>
                    {Object.entries(member.attributes).map(([name, value]) => (
                      <Table.Tr key={name}>
                        <Table.Th scope="row">{name}</Table.Th>
                        <Table.Td>{JSON.stringify(value)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Section>
            <Section title="Effective access">
              <EffectiveAccess userId={userId} />
            </Section>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
