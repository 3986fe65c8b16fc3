import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert.tsx';
import { setServerFieldError } from './server-errors.ts';

interface NameModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The name to start from (renaming), or empty (creating). */
  initial?: string;
  submitLabel: string;
  /** Sends the trimmed name; a server error naming `name` shows on the field. */
  mutation: UseMutationResult<unknown, Error, string>;
}

/** A one-field form for naming or renaming something, checked before sending. */
export function NameModal({ opened, onClose, title, initial = '', submitLabel, mutation }: NameModalProps) {
  const form = useForm({
    initialValues: { name: initial },
    validate: { name: (value) => (value.trim() ? (value.trim().length > 255 ? 'At most 255 characters' : null) : 'Enter a name') },
  });
  const close = () => {
    mutation.reset();
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          mutation.mutate(values.name.trim(), { onSuccess: close, onError: (error) => setServerFieldError(form, error) }),
        )}
      >
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          {mutation.isError && !form.errors.name && <ErrorAlert error={mutation.error} title="Could not save" />}
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
