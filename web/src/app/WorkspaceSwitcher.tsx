import { NativeSelect, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { setCurrentWorkspaceId } from '../api/client.ts';
import { type Me, ME_KEY, actingWorkspace } from '../api/me.ts';

/**
 * The workspace the console acts in, for people in several: choosing another one sends
 * `X-Workspace-Id` with every request from then on and reloads every page's data.
 */
export function WorkspaceSwitcher({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const active = me.workspaces.filter((workspace) => workspace.status === 'active');
  const current = actingWorkspace(me);
  if (active.length < 2) {
    return current ? (
      <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={180}>
        {current.name}
      </Text>
    ) : null;
  }
  return (
    <NativeSelect
      aria-label="Workspace"
      size="xs"
      maw={180}
      value={current?.id ?? ''}
      data={active.map((workspace) => ({ value: workspace.id, label: workspace.name }))}
      onChange={(event) => {
        setCurrentWorkspaceId(event.currentTarget.value);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        navigate('/');
      }}
    />
  );
}
