import { Badge, Button, Checkbox, ColorInput, ColorSwatch, Group, Modal, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { actingRole, useMe } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NameModal } from '../components/NameModal.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { setServerFieldError } from '../components/server-errors.ts';

const ENVIRONMENTS_KEY = ['environments'] as const;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

function CreateEnvironmentModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', description: '', color: '', isDefault: false },
    validate: {
      name: (value) => (value.trim() ? (value.trim().length > 100 ? 'At most 100 characters' : null) : 'Enter a name'),
      color: (value) => (!value || COLOR.test(value) ? null : 'A colour as #rrggbb'),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => call(api.POST('/environments', {
      body: { name: values.name.trim(), description: values.description, color: values.color || null, isDefault: values.isDefault },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ENVIRONMENTS_KEY });
      onClose();
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Modal opened onClose={onClose} title="New environment">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Description" {...form.getInputProps('description')} />
          <ColorInput label="Colour" format="hex" fixOnBlur={false} withPicker={false} withEyeDropper={false} placeholder="#3b82f6" {...form.getInputProps('color')} />
          <Checkbox label="Make it the default" {...form.getInputProps('isDefault', { type: 'checkbox' })} />
          {create.isError && !form.errors.name && !form.errors.color && <ErrorAlert error={create.error} title="Could not create the environment" />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Create environment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The workspace's environments; admins create, rename, make default and delete them (not the default). */
export default function EnvironmentsPage() {
  const me = useMe().data;
  const isAdmin = me ? actingRole(me) === 'admin' : false;
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const environments = useQuery({ queryKey: ENVIRONMENTS_KEY, queryFn: () => call(api.GET('/environments')) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ENVIRONMENTS_KEY });
  const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });
  const patch = (environmentId: string, body: { name?: string; isDefault?: boolean }) =>
    call(api.PATCH('/environments/{environmentId}', { params: { path: { environmentId } }, body }));
  const rename = useMutation({ mutationFn: (name: string) => patch(renaming!.id, { name }), onSuccess: refresh });
  const makeDefault = useMutation({ mutationFn: (id: string) => patch(id, { isDefault: true }), onSuccess: refresh, onError: failed('Could not change the default') });
  const remove = useMutation({
    mutationFn: (environmentId: string) => call(api.DELETE('/environments/{environmentId}', { params: { path: { environmentId } } })),
    onSuccess: refresh,
    onError: failed('Could not delete the environment'),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Environments
        </Title>
        {isAdmin && <Button onClick={() => setCreating(true)}>New environment</Button>}
      </Group>
      {creating && <CreateEnvironmentModal onClose={() => setCreating(false)} />}
      {renaming && <NameModal opened onClose={() => setRenaming(null)} title={`Rename ${renaming.name}`} initial={renaming.name} submitLabel="Rename" mutation={rename} />}
      <QueryView query={environments} isEmpty={(answer) => answer.data.length === 0} empty="No environments.">
        {(answer) => (
          <Table striped verticalSpacing={4} fz="sm" aria-label="Environments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th visibleFrom="sm">Description</Table.Th>
                {isAdmin && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.data.map((environment) => (
                <Table.Tr key={environment.id}>
                  <Table.Td miw={120}>
                    <Group gap="xs" style={{ rowGap: 2 }}>
                      {environment.color && <ColorSwatch color={environment.color} size={14} aria-hidden="true" />}
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{environment.name}</Text>
                      {environment.isDefault && <Badge size="sm" variant="light">default</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{environment.description || '—'}</Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <Button size="xs" variant="default" aria-label={`Rename ${environment.name}`} onClick={() => setRenaming(environment)}>
                          Rename
                        </Button>
                        {!environment.isDefault && (
                          <Button size="xs" variant="default" aria-label={`Make default: ${environment.name}`} onClick={() => makeDefault.mutate(environment.id)}>
                            Make default
                          </Button>
                        )}
                        {!environment.isDefault && (
                          <ConfirmButton
                            size="xs"
                            aria-label={`Delete ${environment.name}`}
                            title={`Delete ${environment.name}?`}
                            message="Every resource configuration made for it is deleted too."
                            onConfirm={() => remove.mutate(environment.id)}
                          >
                            Delete
                          </ConfirmButton>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}
