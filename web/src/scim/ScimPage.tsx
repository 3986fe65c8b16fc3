import { Button, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { actingWorkspace, useMe } from '../api/me.ts';
import { Section } from '../account/Section.tsx';
import { CopyValue } from '../components/CopyValue.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SecretOnce } from '../tokens/SecretOnce.tsx';
import { ScimDefaultRole } from './ScimDefaultRole.tsx';

/**
 * What an identity provider needs to provision this workspace over SCIM 2.0: the base URL to
 * paste, and a token with the scim:read and scim:write scopes, bound to the workspace, its
 * secret shown once; and the role the members it creates get.
 */
export default function ScimPage() {
  const me = useMe().data;
  const workspace = me ? actingWorkspace(me) : null;
  const baseUrl = `${window.location.origin}/scim/v2`;
  const [name, setName] = useState('SCIM provisioning');
  const create = useMutation({
    mutationFn: () => call(api.POST('/tokens', { body: { name: name.trim(), scopes: ['scim:read', 'scim:write'], workspaceId: workspace?.id } })),
  });
  return (
    <Stack maw={760}>
      <Title order={1} size="h2">SCIM provisioning</Title>
      <Text size="sm">
        Okta, Entra ID, OneLogin and JumpCloud create, update and disable the members and groups of
        {workspace ? ` ${workspace.name}` : ' this workspace'} through SCIM 2.0 with these two values.
      </Text>
      <Section title="Base URL">
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="scim-base-url">{baseUrl}</Code>
        <CopyValue value={baseUrl} label="Copy the base URL" />
      </Section>
      <Section title="Token">
        <Text size="sm">A bearer token for this workspace with the scopes scim:read and scim:write, and nothing else.</Text>
        <form onSubmit={(event) => { event.preventDefault(); if (name.trim()) create.mutate(); }}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label="Token name" value={name} onChange={(event) => setName(event.currentTarget.value)} required maxLength={255} w={{ base: '100%', xs: 280 }} />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>Create SCIM token</Button>
          </Group>
        </form>
        {create.isError && <ErrorAlert error={create.error} title="Could not create the token" />}
        {create.data && <SecretOnce secret={create.data.secret} />}
      </Section>
      <Section title="New members' role">
        <Text size="sm">
          Members a provider creates get the workspace&apos;s SCIM default role unless the provider sends
          one (the Toolplane extension&apos;s <Code>role</Code>).
        </Text>
        {workspace && <ScimDefaultRole workspaceId={workspace.id} instanceAdmin={me?.instanceAdmin ?? false} />}
      </Section>
    </Stack>
  );
}
