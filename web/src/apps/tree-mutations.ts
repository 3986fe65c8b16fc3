import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { APPS_KEY } from './apps-data.ts';
import type { TreeEntry } from './AppTreeView.tsx';

/** The writes of the apps tree; each refreshes the tree (and what the person may reach) when it succeeds. */
export function useTreeMutations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: APPS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['object-access'] });
  };
  const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });

  const move = useMutation({
    mutationFn: async ({ entry, destination }: { entry: TreeEntry; destination: string | null }) => {
      if (entry.kind === 'folder') await call(api.PUT('/folders/{folderId}', { params: { path: { folderId: entry.id } }, body: { parentFolderId: destination } }));
      else await call(api.PUT('/apps/{appId}', { params: { path: { appId: entry.id } }, body: { folderId: destination } }));
    },
    onSuccess: (_answer, { entry }) => {
      refresh();
      notifications.show({ color: 'green', message: `${entry.name} is moved.` });
    },
    onError: failed('Could not move'),
  });
  const rename = (entry: TreeEntry | null) => ({
    mutationFn: async (name: string) => {
      if (!entry) return;
      if (entry.kind === 'folder') await call(api.PUT('/folders/{folderId}', { params: { path: { folderId: entry.id } }, body: { name } }));
      else await call(api.PUT('/apps/{appId}', { params: { path: { appId: entry.id } }, body: { name } }));
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (entry: TreeEntry) => {
      if (entry.kind === 'folder') await call(api.DELETE('/folders/{folderId}', { params: { path: { folderId: entry.id } } }));
      else await call(api.DELETE('/apps/{appId}', { params: { path: { appId: entry.id } } }));
    },
    onSuccess: (_answer, entry) => {
      refresh();
      notifications.show({ color: 'green', message: `${entry.name} is deleted.` });
    },
    onError: failed('Could not delete'),
  });
  return { move, rename, remove, refresh };
}
