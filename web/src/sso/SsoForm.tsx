import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call } from '../api/client.ts';
import { Section } from '../account/Section.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ROLE_OPTIONS } from '../users/roles.ts';
import { ClientSecretField } from './ClientSecretField.tsx';
import { AttributeMappingRows, GroupMappingRows } from './MappingRows.tsx';
import { type SsoBody, type SsoConfiguration, type SsoFormValues, formFieldOf, ssoBody, ssoBodyOf, ssoFormValues, validateSsoForm } from './sso-form.ts';

export const SSO_KEY = ['sso'] as const;

/**
 * The whole OpenID Connect configuration in one form, checked before it is sent; a refusal
 * naming a field (a mapping's claim value, the issuer, ...) shows on that field.
 */
export function SsoForm({ configuration }: { configuration: SsoConfiguration | null }) {
  const queryClient = useQueryClient();
  const form = useForm<SsoFormValues>({ initialValues: ssoFormValues(configuration), validate: validateSsoForm });
  const put = (body: SsoBody) => call(api.PUT('/sso', { body }));
  const saved = (message: string) => (answer: SsoConfiguration) => {
    queryClient.setQueryData(SSO_KEY, answer);
    notifications.show({ color: 'green', message });
  };
  const save = useMutation({
    mutationFn: (values: SsoFormValues) => put(ssoBody(values)),
    onSuccess: saved('Single sign-on saved.'),
    onError: (error) => {
      const field = error instanceof ApiError && error.field ? formFieldOf(error.field, form.values) : null;
      if (field) form.setFieldError(field, error.message);
    },
  });
  const removeSecret = useMutation({
    mutationFn: () => put(ssoBodyOf(configuration!, null)),
    onSuccess: saved('The client secret is removed.'),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove the client secret', message: error.message }),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <Section title="Provider">
          <TextInput label="Issuer URL" description="The provider's issuer; its /.well-known/openid-configuration is read." placeholder="https://login.example.com" {...form.getInputProps('issuer')} />
          <TextInput label="Client ID" description="The client Toolplane has at the provider." {...form.getInputProps('clientId')} />
          <ClientSecretField form={form} isSet={configuration?.clientSecretSet ?? false} onRemove={() => removeSecret.mutate()} removing={removeSecret.isPending} />
        </Section>
        <Section title="Claims">
          <TextInput label="Scopes" description="Separated by spaces; must include openid. Ask for what makes the provider send the groups claim." {...form.getInputProps('scopes')} />
          <TextInput label="Groups claim" description="The claim listing the person's groups; a dotted path reaches into objects (realm_access.roles)." placeholder="groups" {...form.getInputProps('groupsClaim')} />
          <GroupMappingRows form={form} />
          <AttributeMappingRows form={form} />
        </Section>
        <Section title="Who may sign in">
          <TextInput label="Allowed email domains" description="Separated by commas, matched exactly. Empty: any email the provider has verified." placeholder="example.com" {...form.getInputProps('domains')} />
          <Checkbox label="Create members at their first sign-in" description="People who are not members yet join the workspace." {...form.getInputProps('jitEnabled', { type: 'checkbox' })} />
          <NativeSelect label="Role of new members" data={ROLE_OPTIONS} disabled={!form.values.jitEnabled} {...form.getInputProps('jitRole')} />
          <Checkbox
            label="Password sign-in allowed"
            description="Off: people of this workspace sign in through the provider only (instance admins keep theirs)."
            {...form.getInputProps('passwordLoginAllowed', { type: 'checkbox' })}
          />
        </Section>
        {save.isError && Object.keys(form.errors).length === 0 && <ErrorAlert error={save.error} title="Could not save single sign-on" />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {configuration ? 'Save' : 'Turn on single sign-on'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
