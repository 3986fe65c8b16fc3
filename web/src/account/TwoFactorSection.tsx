import { Alert, Button, Code, Group, Image, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { ME_KEY } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { CopyValue } from '../components/CopyValue.tsx';
import { Section } from './Section.tsx';

const codeRule = (value: string) => (/^\d{6}$/.test(value.replace(/\s/g, '')) ? null : 'Enter the 6-digit code');

/** Recovery codes, shown the one time the server answers them. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <Alert color="yellow" title="Your recovery codes" role="status">
      <Text size="sm">Keep them somewhere safe: each signs you in once if you lose the app. They are not shown again.</Text>
      <SimpleGrid cols={2} spacing={4} mt="xs" data-testid="recovery-codes">
        {codes.map((code) => (
          <Code key={code}>{code}</Code>
        ))}
      </SimpleGrid>
      <CopyValue value={codes.join('\n')} label="Copy the codes" />
    </Alert>
  );
}

/** Two-factor sign-in: enrolment with a QR code and a first code, new recovery codes, turning it off. */
export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const setup = useMutation({ mutationFn: () => call(api.POST('/me/two-factor/setup')) });
  const confirmForm = useForm({ initialValues: { code: '' }, validate: { code: codeRule } });
  const confirm = useMutation({
    mutationFn: (code: string) => call(api.POST('/me/two-factor/confirm', { body: { code } })),
    onSuccess: (answer) => {
      setRecoveryCodes(answer.recoveryCodes);
      setup.reset();
      confirmForm.reset();
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => setServerFieldError(confirmForm, error),
  });
  const regenerateForm = useForm({ initialValues: { code: '' }, validate: { code: codeRule } });
  const regenerate = useMutation({
    mutationFn: (code: string) => call(api.POST('/me/two-factor/recovery-codes', { body: { code } })),
    onSuccess: (answer) => {
      setRecoveryCodes(answer.recoveryCodes);
      regenerateForm.reset();
    },
    onError: (error) => setServerFieldError(regenerateForm, error),
  });
  const disableForm = useForm({ initialValues: { password: '' }, validate: { password: (value) => (value ? null : 'Enter your password') } });
  const disable = useMutation({
    mutationFn: (password: string) => call(api.DELETE('/me/two-factor', { body: { password } })),
    onSuccess: () => {
      disableForm.reset();
      setRecoveryCodes(null);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ message: 'Two-factor sign-in is off.' });
    },
    onError: (error) => setServerFieldError(disableForm, error),
  });

  if (!enabled) {
    return (
      <Section title="Two-factor sign-in">
        <Text size="sm">Off. Add a code from an authenticator app to your password sign-in.</Text>
        {setup.isError && <ErrorAlert error={setup.error} title="Could not start" />}
        {setup.data ? (
          <Stack gap="xs">
            <Text size="sm">Scan this code with your authenticator app, or type in the key, then enter the code it shows.</Text>
            <Image src={setup.data.qrCode} alt="QR code to scan with your authenticator app" w={180} h={180} />
            <Text size="sm">
              Key: <Code data-testid="totp-secret">{setup.data.secret}</Code>
            </Text>
            <form onSubmit={confirmForm.onSubmit((values) => confirm.mutate(values.code.replace(/\s/g, '')))} noValidate>
              <Group align="flex-end">
                <TextInput label="Code from the app" inputMode="numeric" autoComplete="one-time-code" {...confirmForm.getInputProps('code')} />
                <Button type="submit" loading={confirm.isPending}>
                  Turn on
                </Button>
              </Group>
            </form>
            {confirm.isError && !confirmForm.errors.code && <ErrorAlert error={confirm.error} />}
          </Stack>
        ) : (
          <Button w="fit-content" onClick={() => setup.mutate()} loading={setup.isPending}>
            Set up two-factor sign-in
          </Button>
        )}
      </Section>
    );
  }
  return (
    <Section title="Two-factor sign-in">
      <Text size="sm">On: signing in with your password also asks for a code from your app.</Text>
      {recoveryCodes && <RecoveryCodes codes={recoveryCodes} />}
      <form onSubmit={regenerateForm.onSubmit((values) => regenerate.mutate(values.code.replace(/\s/g, '')))} noValidate>
        <Group align="flex-end">
          <TextInput label="Code from the app" inputMode="numeric" autoComplete="one-time-code" {...regenerateForm.getInputProps('code')} />
          <Button type="submit" variant="default" loading={regenerate.isPending}>
            New recovery codes
          </Button>
        </Group>
      </form>
      {regenerate.isError && !regenerateForm.errors.code && <ErrorAlert error={regenerate.error} />}
      <Group align="flex-end">
        <PasswordInput label="Your password" autoComplete="current-password" {...disableForm.getInputProps('password')} />
        <ConfirmButton
          title="Turn off two-factor sign-in?"
          message="Your password alone will sign you in, and your recovery codes stop working."
          onConfirm={() => {
            if (!disableForm.validate().hasErrors) disable.mutate(disableForm.values.password);
          }}
        >
          Turn off
        </ConfirmButton>
      </Group>
      {disable.isError && !disableForm.errors.password && <ErrorAlert error={disable.error} />}
    </Section>
  );
}
