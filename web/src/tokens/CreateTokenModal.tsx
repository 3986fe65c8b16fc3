import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { type Me, actingWorkspace } from '../api/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { NO_SCOPES, ScopePicker, scopesOf } from './ScopePicker.tsx';
import { SecretOnce } from './SecretOnce.tsx';

/** Creates a token with the scopes picked, bound to the workspace unless an instance admin asks otherwise; shows its secret once. */
export function CreateTokenModal({ me, opened, onClose }: { me: Me; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const [choice, setChoice] = useState(NO_SCOPES);
  const [instanceWide, setInstanceWide] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<{ name: string; description: string; expiresInDays: number | string; scopes: string }>({
    initialValues: { name: '', description: '', expiresInDays: 90, scopes: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name'),
      description: (value) => (value.trim().length <= 1000 ? null : 'At most 1,000 characters'),
      expiresInDays: (value) => (value === '' || (Number.isInteger(Number(value)) && Number(value) >= 1) ? null : 'A whole number of days, or empty for no expiry'),
      scopes: () => (scopesOf(all, choice).length > 0 ? null : 'Pick at least one scope'),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(api.POST('/tokens', {
        body: {
          name: values.name.trim(),
          ...(values.description.trim() ? { description: values.description.trim() } : {}),
          scopes: scopesOf(all, choice),
          ...(values.expiresInDays === '' ? {} : { expiresInDays: Number(values.expiresInDays) }),
          ...(instanceWide ? {} : { workspaceId: actingWorkspace(me)?.id }),
        },
      })),
    onSuccess: (token) => {
      setSecret(token.secret);
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => setServerFieldError(form, error),
  });
  const close = () => {
    form.reset();
    setAll(false);
    setChoice(NO_SCOPES);
    setSecret(null);
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New API token" size="min(640px, calc(100vw - 2rem))">
      {secret ? (
        <Stack>
          <SecretOnce secret={secret} />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Stack>
            <TextInput label="Name" description="A short name to tell it apart." data-autofocus {...form.getInputProps('name')} />
            <TextInput label="Description" description="Optional: what the token is for, in a sentence." {...form.getInputProps('description')} />
            <ScopePicker all={all} onAllChange={setAll} choice={choice} onChange={setChoice} error={form.errors.scopes as string | undefined} />
            <NumberInput label="Expires after (days)" description="Empty: never." min={1} allowDecimal={false} {...form.getInputProps('expiresInDays')} />
            {me.instanceAdmin && (
              <Checkbox label="Instance-wide (any workspace, by X-Workspace-Id)" checked={instanceWide} onChange={(event) => setInstanceWide(event.currentTarget.checked)} />
            )}
            {create.isError && !form.errors.name && <ErrorAlert error={create.error} title="Could not create the token" />}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
