import { Code, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call } from '../api/client.ts';
import { actingWorkspace, useMe } from '../api/me.ts';
import { Section } from '../account/Section.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { CopyValue } from '../components/CopyValue.tsx';
import { QueryView } from '../components/QueryView.tsx';
import type { SsoConfiguration } from './sso-form.ts';
import { SSO_KEY, SsoForm } from './SsoForm.tsx';

/** The configuration, or null while the workspace has none (404 `sso_not_configured`). */
async function fetchSso(): Promise<SsoConfiguration | null> {
  try {
    return await call(api.GET('/sso'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'sso_not_configured') return null;
    throw error;
  }
}

function CopyableValue({ title, value, label, testId, children }: { title: string; value: string; label: string; testId: string; children: string }) {
  return (
    <Section title={title}>
      <Text size="sm">{children}</Text>
      <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid={testId}>{value}</Code>
      <CopyValue value={value} label={label} />
    </Section>
  );
}

/**
 * The workspace's single sign-on over OpenID Connect, for its admins: the values to give the
 * provider, the configuration to edit, and removing it after asking.
 */
export default function SsoPage() {
  const me = useMe().data;
  const workspace = me ? actingWorkspace(me) : null;
  const queryClient = useQueryClient();
  const sso = useQuery({ queryKey: SSO_KEY, queryFn: fetchSso });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/sso')),
    onSuccess: () => {
      queryClient.setQueryData(SSO_KEY, null);
      notifications.show({ color: 'green', message: 'Single sign-on is removed: members sign in with passwords again.' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove single sign-on', message: error.message }),
  });
  return (
    <Stack maw={860}>
      <Title order={1} size="h2">Single sign-on</Title>
      <Text size="sm">
        People of {workspace ? workspace.name : 'this workspace'} sign in through the workspace&apos;s OpenID Connect provider
        (Okta, Entra ID, Google, Keycloak, …) with the authorization code flow and PKCE.
      </Text>
      <QueryView query={sso}>
        {(configuration) => (
          <>
            {configuration ? (
              <>
                <CopyableValue title="Redirect URI" value={configuration.redirectUri} label="Copy the redirect URI" testId="sso-redirect-uri">
                  Register it at the provider as the client&apos;s redirect URI.
                </CopyableValue>
                <CopyableValue title="Sign-in link" value={configuration.signInUrl} label="Copy the sign-in link" testId="sso-sign-in-url">
                  Where people start signing in to this workspace.
                </CopyableValue>
              </>
            ) : (
              <Text size="sm" c="dimmed" data-testid="sso-not-configured">
                Not set up: members sign in with passwords. Once saved, this page shows the redirect URI to register at the provider.
              </Text>
            )}
            <SsoForm key={`${workspace?.id}:${configuration?.updatedAt ?? 'none'}`} configuration={configuration} />
            {configuration && (
              <Section title="Remove single sign-on">
                <Text size="sm">Members sign in with passwords again; their accounts, groups and attributes stay.</Text>
                <div>
                  <ConfirmButton title="Remove single sign-on?" message="The provider's settings and client secret are deleted; members sign in with passwords again." onConfirm={() => remove.mutate()} loading={remove.isPending}>
                    Remove single sign-on
                  </ConfirmButton>
                </div>
              </Section>
            )}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
