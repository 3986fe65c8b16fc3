import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';

export const APPS_KEY = ['apps'] as const;

/** The most apps the API answers a page; the tree reads them all, page after page. */
const PAGE_SIZE = 100;

async function allApps() {
  const first = await call(api.GET('/apps', { params: { query: { page: 1, pageSize: PAGE_SIZE } } }));
  const apps = [...first.data];
  for (let page = 2; apps.length < first.total && page <= Math.ceil(first.total / PAGE_SIZE); page += 1) {
    const next = await call(api.GET('/apps', { params: { query: { page, pageSize: PAGE_SIZE } } }));
    if (next.data.length === 0) break;
    apps.push(...next.data);
  }
  return apps;
}

/**
 * Every app and app folder of the workspace, read together so the tree is drawn from one
 * moment. Under APPS_KEY: whatever refreshes the apps refreshes the tree.
 */
export function useAppTree() {
  return useQuery({
    queryKey: [...APPS_KEY, 'tree'],
    queryFn: async () => {
      const [apps, folders] = await Promise.all([
        allApps(),
        call(api.GET('/folders', { params: { query: { folderType: 'app' } } })),
      ]);
      return { apps, folders: folders.data };
    },
  });
}
