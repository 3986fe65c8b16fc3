import { Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, api, call } from '../api/client.ts';
import { ME_KEY } from '../api/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { SsoSignIn } from './SsoSignIn.tsx';

/**
 * Password sign-in, asking for a second factor when the server says the account has one
 * (401 `second_factor_required`). After signing in the person stays on the page they opened.
 */
export function SignInPage() {
  const queryClient = useQueryClient();
  const location = useLocation();
  const [secondFactor, setSecondFactor] = useState<'totp' | 'recovery' | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '', code: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
      code: (value) => (secondFactor && !value.trim() ? 'Enter the code' : null),
    },
  });
  const signIn = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/auth/login', {
          body: {
            email: values.email,
            password: values.password,
            ...(secondFactor === 'totp' ? { totpCode: values.code } : {}),
            ...(secondFactor === 'recovery' ? { recoveryCode: values.code } : {}),
          },
        }),
      ),
    onSuccess: (answer) => queryClient.setQueryData(ME_KEY, answer.me),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'second_factor_required') {
        setSecondFactor('totp');
        signIn.reset();
        return;
      }
      setServerFieldError(form, error);
    },
  });

  return (
    <AuthLayout title="Sign in to Toolplane">
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          {signIn.isError && <ErrorAlert error={signIn.error} title="Could not sign in" />}
          <TextInput label="Email" type="email" autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          {secondFactor && (
            <>
              <TextInput
                label={secondFactor === 'totp' ? 'Code from your authenticator app' : 'Recovery code'}
                description={secondFactor === 'totp' ? 'Your account has two-factor sign-in.' : 'Each recovery code works once.'}
                autoComplete="one-time-code"
                inputMode={secondFactor === 'totp' ? 'numeric' : 'text'}
                withAsterisk={false}
                autoFocus
                {...form.getInputProps('code')}
              />
              <Anchor component="button" type="button" size="sm" onClick={() => setSecondFactor(secondFactor === 'totp' ? 'recovery' : 'totp')}>
                {secondFactor === 'totp' ? 'Use a recovery code instead' : 'Use a code from the app instead'}
              </Anchor>
            </>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
      <Divider label="or" labelPosition="center" />
      <SsoSignIn returnTo={location.pathname + location.search} />
      <Text size="xs" c="dimmed">
        Invited? Open the link in your invitation email to choose a password, then sign in here.
      </Text>
    </AuthLayout>
  );
}
