import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { AuthLayout } from './AuthLayout.tsx';

/** Asks for a password reset link by email; the server answers alike whether the account exists. */
export function ForgotPasswordPage() {
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+$/.test(value) ? null : 'Enter your email address') },
  });
  const request = useMutation({
    mutationFn: (email: string) => call(api.POST('/auth/password-reset', { body: { email } })),
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <AuthLayout title="Reset your password">
      {request.isSuccess ? (
        <Alert color="green" role="status" title="Check your email">
          {request.data.message}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values.email))} noValidate>
          <Stack>
            <Text size="sm">We will email you a link to choose a new password.</Text>
            {request.isError && <ErrorAlert error={request.error} title="Could not send the link" />}
            <TextInput label="Email" type="email" autoComplete="username" {...form.getInputProps('email')} />
            <Button type="submit" loading={request.isPending}>
              Email me a link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/" size="sm">
        Back to sign in
      </Anchor>
    </AuthLayout>
  );
}
