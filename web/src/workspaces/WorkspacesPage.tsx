import { Button, Group, Modal, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { ME_KEY, useMe } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { parseDomains } from './domains.ts';
import { PageControls } from '../components/PageControls.tsx';

const PAGE_SIZE = 50;

interface Workspace {
  id: string;
  name: string;
  domains: string[];
  status: 'active' | 'archived';
}

/** Creates a workspace, or changes one's name and email domains. */
function WorkspaceModal({ workspace, opened, onClose }: { workspace: Workspace | null; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: workspace?.name ?? '', domains: workspace?.domains.join(', ') ?? '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name'),
      domains: (value) => (parseDomains(value).every((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) ? null : 'Domains like example.com, separated by commas'),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => {
      const body = { name: values.name.trim(), domains: parseDomains(values.domains) };
      return workspace
        ? call(api.PATCH('/workspaces/{workspaceId}', { params: { path: { workspaceId: workspace.id } }, body }))
        : call(api.POST('/workspaces', { body }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      onClose();
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={workspace ? `Edit ${workspace.name}` : 'New workspace'}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email domains" description="People with these domains are its own; others are external." {...form.getInputProps('domains')} />
          {save.isError && !form.errors.name && !form.errors.domains && <ErrorAlert error={save.error} title="Could not save" />}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {workspace ? 'Save' : 'Create workspace'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Every workspace of the instance, for instance admins: create, rename, email domains, archive and restore. */
export default function WorkspacesPage() {
  const me = useMe().data!;
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Workspace | null>(null);
  const [modalOpened, modal] = useDisclosure(false);
  const workspaces = useQuery({
    queryKey: ['workspaces', page],
    queryFn: () => call(api.GET('/workspaces', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'archived' }) =>
      call(api.PATCH('/workspaces/{workspaceId}', { params: { path: { workspaceId: id } }, body: { status } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not change the workspace', message: error.message }),
  });
  const open = (workspace: Workspace | null) => {
    setEditing(workspace);
    modal.open();
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Workspaces
        </Title>
        <Button onClick={() => open(null)}>New workspace</Button>
      </Group>
      {modalOpened && <WorkspaceModal key={editing?.id ?? 'new'} workspace={editing} opened onClose={modal.close} />}
      <QueryView query={workspaces} isEmpty={(answer) => answer.data.length === 0} empty="No workspaces.">
        {(answer) => (
          <>
            <Table.ScrollContainer minWidth={340}>
              <Table striped verticalSpacing={4} fz="sm" aria-label="Workspaces">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th visibleFrom="sm">Email domains</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.data.map((workspace) => (
                    <Table.Tr key={workspace.id}>
                      <Table.Td>{workspace.name}</Table.Td>
                      <Table.Td visibleFrom="sm">{workspace.domains.join(', ') || '—'}</Table.Td>
                      <Table.Td>{workspace.status}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Button size="xs" variant="default" aria-label={`Edit ${workspace.name}`} onClick={() => open(workspace)}>
                            Edit
                          </Button>
                          {workspace.id !== me.defaultWorkspaceId &&
                            (workspace.status === 'active' ? (
                              <ConfirmButton
                                size="xs"
                                aria-label={`Archive ${workspace.name}`}
                                title={`Archive ${workspace.name}?`}
                                message="Its tokens and sessions are refused until it is restored. Nothing in it is deleted."
                                onConfirm={() => setStatus.mutate({ id: workspace.id, status: 'archived' })}
                              >
                                Archive
                              </ConfirmButton>
                            ) : (
                              <Button size="xs" variant="default" aria-label={`Restore ${workspace.name}`} onClick={() => setStatus.mutate({ id: workspace.id, status: 'active' })}>
                                Restore
                              </Button>
                            ))}
                        </Group>
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
