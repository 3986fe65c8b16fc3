import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

const SSO_WORKSPACE_KEY = 'toolplane.ssoWorkspace';

/** Where single sign-on of a workspace starts (the server redirects to its provider and back to `returnTo`). */
export function ssoStartUrl(workspaceId: string, returnTo: string): string {
  const path = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  return `/api/v1/auth/sso/${encodeURIComponent(workspaceId)}/start?returnTo=${encodeURIComponent(path)}`;
}

/**
 * "Sign in with SSO": single sign-on is configured per workspace, so the workspace comes
 * from the sign-in link an admin hands out (`/?workspace=<id>`), or from the last one used
 * on this browser, or is typed in.
 */
export function SsoSignIn({ returnTo }: { returnTo: string }) {
  const fromLink = new URLSearchParams(window.location.search).get('workspace');
  const [workspaceId, setWorkspaceId] = useState(fromLink ?? localStorage.getItem(SSO_WORKSPACE_KEY) ?? '');
  const [asking, setAsking] = useState(false);
  const returnPath = returnTo.replace(/[?&]workspace=[^&]*/, '') || '/';

  const start = () => {
    localStorage.setItem(SSO_WORKSPACE_KEY, workspaceId.trim());
    window.location.assign(ssoStartUrl(workspaceId.trim(), returnPath));
  };

  if (workspaceId && !asking) {
    return (
      <Button variant="default" fullWidth onClick={start}>
        Sign in with SSO
      </Button>
    );
  }
  if (!asking) {
    return (
      <Button variant="default" fullWidth onClick={() => setAsking(true)}>
        Sign in with SSO
      </Button>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (workspaceId.trim()) start();
      }}
    >
      <Stack gap="xs">
        <TextInput
          label="Workspace ID"
          description="It is in the sign-in link your admin gave you."
          value={workspaceId}
          onChange={(event) => setWorkspaceId(event.currentTarget.value)}
          required
          autoFocus
        />
        <Button type="submit" variant="default" fullWidth disabled={!workspaceId.trim()}>
          Continue with SSO
        </Button>
      </Stack>
    </form>
  );
}
