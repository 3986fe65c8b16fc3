import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { type OptionRow, fromOptionRows, toOptionRows } from './option-rows.ts';

/**
 * Connection options as name/value rows (host, port, database, base URL, ...). Nothing secret
 * goes here: secrets have their own write-only section. Values that read as numbers,
 * true/false or JSON are sent as such.
 */
export function OptionsForm({ options, editable, save, label = 'Options' }: {
  options: Record<string, unknown>;
  editable: boolean;
  save: (options: Record<string, unknown>) => Promise<unknown>;
  label?: string;
}) {
  const form = useForm<{ rows: OptionRow[] }>({ initialValues: { rows: toOptionRows(options) } });
  const saving = useMutation({
    mutationFn: save,
    onSuccess: () => {
      form.resetDirty();
      notifications.show({ color: 'green', message: `${label} saved.` });
    },
  });
  const rows = form.values.rows;
  if (!editable) {
    return rows.length === 0 ? (
      <Text size="sm" c="dimmed">No options.</Text>
    ) : (
      <Stack gap={2}>
        {rows.map((row) => (
          <Text key={row.key} size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">{row.key}</Text>: {row.value}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ rows: current }) => {
        const read = fromOptionRows(current);
        if ('error' in read) form.setFieldError(`rows.${read.row}.key`, read.error);
        else saving.mutate(read.options);
      })}
    >
      <Stack gap="xs">
        {rows.length === 0 && <Text size="sm" c="dimmed">No options yet.</Text>}
        {rows.map((_row, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput aria-label={`${label}: name ${index + 1}`} placeholder="name" style={{ flex: 1, minWidth: 0 }} {...form.getInputProps(`rows.${index}.key`)} />
            <TextInput aria-label={`${label}: value ${index + 1}`} placeholder="value" style={{ flex: 2, minWidth: 0 }} {...form.getInputProps(`rows.${index}.value`)} />
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove option ${index + 1}`} onClick={() => form.removeListItem('rows', index)}>
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        ))}
        {saving.isError && <ErrorAlert error={saving.error} title="Could not save the options" />}
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => form.insertListItem('rows', { key: '', value: '' })}>
            Add option
          </Button>
          <Button type="submit" size="xs" loading={saving.isPending} disabled={!form.isDirty()}>
            Save {label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
