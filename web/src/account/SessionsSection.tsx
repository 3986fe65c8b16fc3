import { Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { formatTime } from '../components/format.ts';
import { Section } from './Section.tsx';

/** The person's live sessions; any but this one can be ended. */
export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: () => call(api.GET('/me/sessions')) });
  const end = useMutation({
    mutationFn: (sessionId: string) => call(api.DELETE('/me/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      notifications.show({ message: 'The session has ended.' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not end the session', message: error.message }),
  });
  return (
    <Section title="Sessions">
      <QueryView query={sessions} isEmpty={(answer) => answer.data.length === 0} empty="No live sessions.">
        {(answer) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Signed in</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>How</Table.Th>
                  <Table.Th>Browser</Table.Th>
                  <Table.Th>Address</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.data.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>{formatTime(session.createdAt)}</Table.Td>
                    <Table.Td>{formatTime(session.lastSeenAt)}</Table.Td>
                    <Table.Td>{session.method}</Table.Td>
                    <Table.Td maw={220} style={{ overflowWrap: 'anywhere' }}>
                      {session.userAgent ?? '—'}
                    </Table.Td>
                    <Table.Td>{session.address ?? '—'}</Table.Td>
                    <Table.Td>
                      {session.current ? (
                        <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          This session
                        </Text>
                      ) : (
                        <ConfirmButton
                          size="xs"
                          title="End this session?"
                          message="The browser using it is signed out at once."
                          aria-label={`End the session signed in ${formatTime(session.createdAt)}`}
                          onConfirm={() => end.mutate(session.id)}
                        >
                          End
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Section>
  );
}
