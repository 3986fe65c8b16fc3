import { Group, NativeSelect, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { formatTime } from '../components/format.ts';
import { ROLE_LABELS } from '../users/roles.ts';
import { PageControls } from '../components/PageControls.tsx';

const PAGE_SIZE = 50;
const STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
type Status = (typeof STATUSES)[number];

/** The workspace's invites with their status and delivery; pending ones can be resent or revoked. */
export default function InvitesPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = STATUSES.find((value) => value === params.get('status'));
  const queryClient = useQueryClient();
  const invites = useQuery({
    queryKey: ['invites', { page, status }],
    queryFn: () => call(api.GET('/invites', { params: { query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const done = (message: string) => () => {
    void queryClient.invalidateQueries({ queryKey: ['invites'] });
    notifications.show({ color: 'green', message });
  };
  const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });
  const resend = useMutation({
    mutationFn: (inviteId: string) => call(api.POST('/invites/{inviteId}/resend', { params: { path: { inviteId } }, body: {} })),
    onSuccess: done('The invitation is sent again.'),
    onError: failed('Could not resend'),
  });
  const revoke = useMutation({
    mutationFn: (inviteId: string) => call(api.DELETE('/invites/{inviteId}', { params: { path: { inviteId } } })),
    onSuccess: done('The invitation is revoked.'),
    onError: failed('Could not revoke'),
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Invites
        </Title>
        <NativeSelect
          label="Status"
          value={status ?? ''}
          onChange={(event) => setParams(event.currentTarget.value ? { status: event.currentTarget.value } : {})}
          data={[{ value: '', label: 'Any' }, ...STATUSES.map((value) => ({ value, label: value }))]}
        />
      </Group>
      <QueryView query={invites} isEmpty={(answer) => answer.data.length === 0} empty={status ? `No ${status} invites.` : 'No invites yet. Invite people from the Users page.'}>
        {(answer) => (
          <>
            <Table.ScrollContainer minWidth={340}>
              <Table striped verticalSpacing={4} fz="sm" aria-label="Invites">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th visibleFrom="sm">Role</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th visibleFrom="sm">Last sent</Table.Th>
                    <Table.Th visibleFrom="sm">Expires</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.data.map((invite) => (
                    <Table.Tr key={invite.id}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{invite.email}</Table.Td>
                      <Table.Td visibleFrom="sm">{ROLE_LABELS[invite.role]}</Table.Td>
                      <Table.Td>
                        {invite.status as Status}
                        {invite.sendError && (
                          <Text size="xs" c="red.9">
                            Delivery failed: {invite.sendError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{formatTime(invite.lastSentAt)}</Table.Td>
                      <Table.Td visibleFrom="sm">{formatTime(invite.expiresAt)}</Table.Td>
                      <Table.Td>
                        {(invite.status === 'pending' || invite.status === 'expired') && (
                          <Group gap={6}>
                            <ConfirmButton
                              size="xs"
                              danger={false}
                              aria-label={`Resend to ${invite.email}`}
                              title={`Send the invitation to ${invite.email} again?`}
                              message="A new link goes out; the earlier one stops working."
                              onConfirm={() => resend.mutate(invite.id)}
                            >
                              Resend
                            </ConfirmButton>
                            {invite.status === 'pending' && (
                              <ConfirmButton
                                size="xs"
                                aria-label={`Revoke the invitation of ${invite.email}`}
                                title={`Revoke the invitation of ${invite.email}?`}
                                message="The link stops working."
                                onConfirm={() => revoke.mutate(invite.id)}
                              >
                                Revoke
                              </ConfirmButton>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PageControls total={answer.total} pageSize={PAGE_SIZE} page={page} onChange={(next) => setParams({ ...(status ? { status } : {}), page: String(next) })} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
