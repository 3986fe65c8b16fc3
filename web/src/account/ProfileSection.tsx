import { Button, Group, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { type Me, ME_KEY } from '../api/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { Section } from './Section.tsx';

export function ProfileSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { firstName: me.firstName, lastName: me.lastName },
    validate: {
      firstName: (value) => (value.length <= 255 ? null : 'At most 255 characters'),
      lastName: (value) => (value.length <= 255 ? null : 'At most 255 characters'),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) => call(api.PATCH('/me', { body: values })),
    onSuccess: (updated) => {
      queryClient.setQueryData(ME_KEY, updated);
      form.resetDirty();
      notifications.show({ color: 'green', message: 'Your name is saved.' });
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Section title="Profile">
      <Text size="sm">{me.email}</Text>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="First name" autoComplete="given-name" {...form.getInputProps('firstName')} />
          <TextInput label="Last name" autoComplete="family-name" {...form.getInputProps('lastName')} />
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save name
          </Button>
        </Group>
      </form>
      {save.isError && <ErrorAlert error={save.error} title="Could not save" />}
    </Section>
  );
}
