import { Anchor, Button, Group, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client.ts';
import { actingRole, useMe } from '../api/me.ts';
import { Section } from '../account/Section.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { GROUPS_KEY } from './GroupsPage.tsx';
import { PageControls } from '../components/PageControls.tsx';

const PAGE_SIZE = 50;

function RenameForm({ groupId, name }: { groupId: number; name: string }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name }, validate: { name: (value) => (value.trim() ? null : 'Enter a name') } });
  const rename = useMutation({
    mutationFn: (next: string) => call(api.PUT('/groups/{groupId}', { params: { path: { groupId } }, body: { name: next } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
      form.resetDirty();
      notifications.show({ color: 'green', message: 'The group is renamed.' });
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => rename.mutate(values.name.trim()))} noValidate>
      <Group align="flex-end">
        <TextInput label="Name" {...form.getInputProps('name')} />
        <Button type="submit" variant="default" loading={rename.isPending} disabled={!form.isDirty()}>
          Rename
        </Button>
      </Group>
      {rename.isError && !form.errors.name && <ErrorAlert error={rename.error} title="Could not rename" />}
    </form>
  );
}

/** One group: its members a page at a time; admins rename it, remove members and delete it. */
export default function GroupDetailPage() {
  const groupId = Number(useParams().groupId);
  const me = useMe().data;
  const isAdmin = me ? actingRole(me) === 'admin' : false;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const group = useQuery({ queryKey: [...GROUPS_KEY, groupId], queryFn: () => call(api.GET('/groups/{groupId}', { params: { path: { groupId } } })) });
  const members = useQuery({
    queryKey: [...GROUPS_KEY, groupId, 'members', page],
    queryFn: () => call(api.GET('/groups/{groupId}/members', { params: { path: { groupId }, query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/groups/{groupId}/members/{userId}', { params: { path: { groupId, userId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove the member', message: error.message }),
  });
  const destroy = useMutation({
    mutationFn: () => call(api.DELETE('/groups/{groupId}', { params: { path: { groupId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
      navigate('/groups');
    },
  });

  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/groups" size="sm">
        ← Groups
      </Anchor>
      <QueryView query={group}>
        {(found) => (
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {found.name}
              </Title>
              {isAdmin && (
                <ConfirmButton title={`Delete ${found.name}?`} message="Its members lose the access the group gave them." onConfirm={() => destroy.mutate()}>
                  Delete group
                </ConfirmButton>
              )}
            </Group>
            {destroy.isError && <ErrorAlert error={destroy.error} title="Could not delete" />}
            {isAdmin && (
              <Section title="Settings">
                <RenameForm key={found.name} groupId={groupId} name={found.name} />
              </Section>
            )}
            <Section title="Members">
              <QueryView query={members} isEmpty={(answer) => answer.data.length === 0} empty="No members. Add people from their page under Users.">
                {(answer) => (
                  <>
                    <Table verticalSpacing={4} fz="sm" aria-label="Members">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Email</Table.Th>
                          {isAdmin && (
                            <Table.Th>
                              <VisuallyHidden>Actions</VisuallyHidden>
                            </Table.Th>
                          )}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {answer.data.map((member) => (
                          <Table.Tr key={member.id}>
                            <Table.Td>
                              <Anchor component={Link} to={`/users/${member.id}`} size="sm">
                                {member.email}
                              </Anchor>
                            </Table.Td>
                            {isAdmin && (
                              <Table.Td ta="right">
                                <ConfirmButton
                                  size="xs"
                                  aria-label={`Remove ${member.email}`}
                                  title={`Remove ${member.email}?`}
                                  message="They lose the access this group gives."
                                  onConfirm={() => remove.mutate(member.id)}
                                >
                                  Remove
                                </ConfirmButton>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    <PageControls total={answer.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
                  </>
                )}
              </QueryView>
            </Section>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
