import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, api, call, currentWorkspaceId, onWorkspaceChange } from './client.ts';
import type { Role } from './role.ts';

export type { Role };

export type Me = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;

/** The signed-in person, or null when there is no live session. */
async function fetchMe() {
  try {
    return await call(api.GET('/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const ME_KEY = ['me'] as const;

const meQuery = { queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 };

/** The signed-in person; a component using it renders again when another workspace is chosen. */
export function useMe() {
  useSyncExternalStore(onWorkspaceChange, currentWorkspaceId);
  return useQuery(meQuery);
}

/**
 * Asks for the signed-in person as the console starts, before anything renders: every page
 * waits for the answer, so it goes out first.
 */
export function prefetchMe(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(meQuery);
}

/** The workspace the console acts in: the chosen one if the person still belongs to it, else their default. */
export function actingWorkspace(me: Me) {
  const active = me.workspaces.filter((workspace) => workspace.status === 'active');
  const chosen = currentWorkspaceId();
  return active.find((workspace) => workspace.id === chosen) ?? active.find((workspace) => workspace.id === me.defaultWorkspaceId) ?? active[0] ?? null;
}

/** The person's role where the console acts; instance admins act as admins anywhere. */
export function actingRole(me: Me): Role | null {
  if (me.instanceAdmin) return 'admin';
  return actingWorkspace(me)?.role ?? null;
}
