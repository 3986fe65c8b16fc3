import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { useMe } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { formatTime } from '../components/format.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import { PageControls } from '../components/PageControls.tsx';

const PAGE_SIZE = 50;

/** API tokens: create with a scope picker, rotate (a new secret, shown once) and revoke, each after asking. */
export default function TokensPage() {
  const me = useMe().data!;
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [creating, create] = useDisclosure(false);
  const [rotated, setRotated] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ['tokens', page],
    queryFn: () => call(api.GET('/tokens', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const onError = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => call(api.DELETE('/tokens/{tokenId}', { params: { path: { tokenId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
    onError: onError('Could not revoke the token'),
  });
  const rotate = useMutation({
    mutationFn: (tokenId: string) => call(api.POST('/tokens/{tokenId}/rotate', { params: { path: { tokenId } } })),
    onSuccess: (token) => {
      setRotated(token.secret);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: onError('Could not rotate the token'),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          API tokens
        </Title>
        <Button onClick={create.open}>New token</Button>
      </Group>
      <CreateTokenModal me={me} opened={creating} onClose={create.close} />
      <Modal opened={rotated !== null} onClose={() => setRotated(null)} title="Token rotated">
        {rotated && <SecretOnce secret={rotated} />}
      </Modal>
      <QueryView query={tokens} isEmpty={(answer) => answer.data.length === 0} empty="No API tokens yet.">
        {(answer) => (
          <>
            <Table.ScrollContainer minWidth={340}>
              <Table striped verticalSpacing={4} fz="sm" aria-label="API tokens">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th visibleFrom="sm">Prefix</Table.Th>
                    <Table.Th>Scopes</Table.Th>
                    <Table.Th visibleFrom="sm">Workspace</Table.Th>
                    <Table.Th visibleFrom="sm">Expires</Table.Th>
                    <Table.Th visibleFrom="sm">Last used</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.data.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td>
                        {token.name}
                        {token.description && (
                          <Text size="xs" c="dimmed" maw={280} style={{ overflowWrap: 'anywhere' }}>
                            {token.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <code>{token.prefix}</code>
                      </Table.Td>
                      <Table.Td maw={240} style={{ overflowWrap: 'anywhere' }}>
                        {token.scopes.join(' ')}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{token.workspaceId ? 'This one' : 'Instance-wide'}</Table.Td>
                      <Table.Td visibleFrom="sm">{token.expiresAt ? formatTime(token.expiresAt) : 'Never'}</Table.Td>
                      <Table.Td visibleFrom="sm">{token.lastUsedAt ? formatTime(token.lastUsedAt) : 'Never'}</Table.Td>
                      <Table.Td>
                        {token.revokedAt ? (
                          <Text size="xs">Revoked {formatTime(token.revokedAt)}</Text>
                        ) : (
                          <Group gap={6}>
                            <ConfirmButton
                              size="xs"
                              danger={false}
                              aria-label={`Rotate ${token.name}`}
                              title={`Rotate ${token.name}?`}
                              message="A new secret replaces the current one, which stops working at once."
                              onConfirm={() => rotate.mutate(token.id)}
                            >
                              Rotate
                            </ConfirmButton>
                            <ConfirmButton
                              size="xs"
                              aria-label={`Revoke ${token.name}`}
                              title={`Revoke ${token.name}?`}
                              message="Every script using it is refused from now on."
                              onConfirm={() => revoke.mutate(token.id)}
                            >
                              Revoke
                            </ConfirmButton>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PageControls total={answer.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          </>
        )}
      </QueryView>
    </Stack>
  );
}
