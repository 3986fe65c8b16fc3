import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import type { SsoFormValues } from './sso-form.ts';

/**
 * The write-only client secret. A stored one shows only as "set", with Replace (a new value,
 * sent with the form) and Remove (a public client, PKCE alone); without one, the field is
 * optional. Whatever is typed is never shown back.
 */
export function ClientSecretField({ form, isSet, onRemove, removing }: {
  form: UseFormReturnType<SsoFormValues>;
  isSet: boolean;
  onRemove: () => void;
  removing: boolean;
}) {
  const [replacing, setReplacing] = useState(false);
  const input = (label: string, description: string) => (
    <PasswordInput label={label} description={description} autoComplete="new-password" data-autofocus={replacing || undefined} {...form.getInputProps('clientSecret')} />
  );
  if (!isSet) return input('Client secret', 'Optional: without one, the client is public and relies on PKCE alone. Stored encrypted; never shown again.');
  if (replacing) {
    return (
      <Stack gap={4}>
        {input('New client secret', 'Saved with the form; it replaces the stored one, which is never shown.')}
        <Group>
          <Button size="xs" variant="subtle" onClick={() => { form.setFieldValue('clientSecret', ''); setReplacing(false); }}>
            Keep the stored secret
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>Client secret</Text>
      <Group gap="xs">
        <Badge variant="light" color="gray" data-testid="client-secret-status">set</Badge>
        <Button size="xs" variant="default" onClick={() => setReplacing(true)}>
          Replace
        </Button>
        <ConfirmButton
          size="xs"
          loading={removing}
          title="Remove the client secret?"
          message="The client becomes public: sign-in relies on PKCE alone. The provider must allow that."
          onConfirm={onRemove}
          aria-label="Remove the client secret"
        >
          Remove
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
