import { Badge, Button, Group, Modal, PasswordInput, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SECRET_NAME } from './option-rows.ts';

type Save = (secrets: Record<string, string | null>) => Promise<unknown>;

/** Sets one secret: a new name and its value, or a new value for a name already set. The value is never shown back. */
function SecretModal({ name, taken, save, onClose }: { name: string | null; taken: readonly string[]; save: Save; onClose: () => void }) {
  const form = useForm({
    initialValues: { name: name ?? '', value: '' },
    validate: {
      name: (value) => (!SECRET_NAME.test(value) ? 'Letters, digits, _ . and - only, up to 100' : name === null && taken.includes(value) ? 'Already set: replace it instead' : null),
      value: (value) => (value ? (value.length > 65_536 ? 'At most 65,536 characters' : null) : 'Enter the value'),
    },
  });
  const setting = useMutation({
    mutationFn: (values: { name: string; value: string }) => save({ [values.name]: values.value }),
    onSuccess: (_answer, values) => {
      notifications.show({ color: 'green', message: `Secret ${values.name} is set.` });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={name ? `Replace ${name}` : 'Add a secret'}>
      <form onSubmit={form.onSubmit((values) => setting.mutate(values))} noValidate>
        <Stack>
          {name === null && <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />}
          <PasswordInput label="Value" description="Stored encrypted; it is never shown again" autoComplete="new-password" data-autofocus={name !== null || undefined} {...form.getInputProps('value')} />
          {setting.isError && <ErrorAlert error={setting.error} title="Could not set the secret" />}
          <Group justify="flex-end">
            <Button type="submit" loading={setting.isPending}>
              {name ? 'Replace' : 'Add secret'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Write-only secrets: each name shows as "set" (and where it comes from, in an environment),
 * with "Replace" and "Remove"; values are never read back, so never displayed.
 */
export function SecretsSection({ names, sources, editable, save, removeLabel = 'Remove' }: {
  names: readonly string[];
  sources?: Record<string, 'environment' | 'resource'>;
  editable: boolean;
  save: Save;
  removeLabel?: string;
}) {
  const [editing, setEditing] = useState<{ name: string | null } | null>(null);
  const removing = useMutation({
    mutationFn: (name: string) => save({ [name]: null }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove the secret', message: error.message }),
  });
  return (
    <Stack gap="xs">
      {names.length === 0 ? (
        <Text size="sm" c="dimmed">No secrets set.</Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label="Secrets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Secret</Table.Th>
              {editable && <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {names.map((name) => (
              <Table.Tr key={name}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {name}{' '}
                  <Badge variant="light" color="gray">{sources?.[name] === 'resource' ? 'set on the resource' : 'set'}</Badge>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="xs" variant="default" aria-label={`Replace ${name}`} onClick={() => setEditing({ name })}>
                        Replace
                      </Button>
                      {sources?.[name] !== 'resource' && (
                        <ConfirmButton size="xs" aria-label={`${removeLabel} ${name}`} title={`${removeLabel} ${name}?`} message="The value is deleted; it cannot be read back." onConfirm={() => removing.mutate(name)}>
                          {removeLabel}
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
      {editable && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setEditing({ name: null })}>
            Add a secret
          </Button>
        </Group>
      )}
      {editing && <SecretModal name={editing.name} taken={names} save={save} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
