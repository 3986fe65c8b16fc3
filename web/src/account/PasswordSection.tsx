import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { Section } from './Section.tsx';

const MIN_PASSWORD = 8;

/** Changing one's password ends one's other sessions (the server does it). */
export function PasswordSection() {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value) => (value.length >= MIN_PASSWORD ? null : `At least ${MIN_PASSWORD} characters`),
      repeat: (value, values) => (value === values.newPassword ? null : 'The passwords differ'),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.POST('/me/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } })),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      notifications.show({ color: 'green', message: 'Your password is changed; your other sessions have ended.' });
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Section title="Password">
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="xs" maw={360}>
          <Text size="sm" c="dimmed">
            Changing it signs you out everywhere else.
          </Text>
          <PasswordInput label="Current password" autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <PasswordInput label="Repeat the new password" autoComplete="new-password" {...form.getInputProps('repeat')} />
          {change.isError && !form.errors.currentPassword && !form.errors.newPassword && (
            <ErrorAlert error={change.error} title="Could not change the password" />
          )}
          <Button type="submit" loading={change.isPending} w="fit-content">
            Change password
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
