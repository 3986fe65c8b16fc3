import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import type { Role } from '../api/role.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { ROLE_LABELS, ROLE_OPTIONS } from '../users/roles.ts';

function RoleForm({ workspaceId, current }: { workspaceId: string; current: Role }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(current);
  const save = useMutation({
    mutationFn: () => call(api.PATCH('/workspaces/{workspaceId}', { params: { path: { workspaceId } }, body: { scimDefaultRole: role } })),
    onSuccess: (workspace) => {
      queryClient.setQueryData(['workspace', workspaceId], workspace);
      void queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      notifications.show({ color: 'green', message: `Members a provider creates now join as ${ROLE_LABELS[workspace.scimDefaultRole].toLowerCase()}.` });
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect label="SCIM default role" data={ROLE_OPTIONS} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)} w={{ base: '100%', xs: 280 }} />
        <Button type="submit" loading={save.isPending} disabled={role === current}>Save the role</Button>
      </Group>
      {role === 'admin' && role !== current && (
        <Text size="sm" mt="xs" c="red.9">Every person the provider creates gets full control of the workspace.</Text>
      )}
      {save.isError && <ErrorAlert error={save.error} title="Could not change the role" />}
    </form>
  );
}

/**
 * The role members created over SCIM get when the provider sends none. It is a workspace
 * setting, which the server lets only instance admins read and change; other admins are told so.
 */
export function ScimDefaultRole({ workspaceId, instanceAdmin }: { workspaceId: string; instanceAdmin: boolean }) {
  const workspace = useQuery({
    queryKey: ['workspace', workspaceId],
    queryFn: () => call(api.GET('/workspaces/{workspaceId}', { params: { path: { workspaceId } } })),
    enabled: instanceAdmin,
  });
  if (!instanceAdmin) {
    return <Text size="sm" c="dimmed">An instance admin (an admin of the default workspace) sets it.</Text>;
  }
  return (
    <QueryView query={workspace}>
      {(answer) => <RoleForm key={`${answer.id}:${answer.scimDefaultRole}`} workspaceId={answer.id} current={answer.scimDefaultRole} />}
    </QueryView>
  );
}
