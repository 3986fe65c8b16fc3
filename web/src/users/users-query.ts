import { keepPreviousData, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { type UserFilters, filtersFrom } from './user-filters.ts';

export const USERS_PAGE_SIZE = 50;

/**
 * An answer younger than this is not asked for again when the page shows it: the page that
 * mounts just after the console's start-up asked for its rows uses that answer instead of
 * sending the same request a second time.
 */
const USERS_FRESH_MS = 2_000;

/** The users page's query for one page of members matching `filters`. */
export function usersQuery(page: number, filters: UserFilters) {
  return {
    queryKey: ['users', { page, ...filters }],
    queryFn: () => call(api.GET('/users', { params: { query: { page, pageSize: USERS_PAGE_SIZE, ...filters } } })),
    placeholderData: keepPreviousData,
    staleTime: USERS_FRESH_MS,
  };
}

/** The users page's code; the route loads it, and so does the console's start at /users. */
export const loadUsersPage = () => import('./UsersPage.tsx');

export function pageFrom(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page')) || 1);
}

/**
 * Asks for the users page's rows and code as the console starts, when it opens at /users, so
 * both load while the person does instead of after them. Signed out, the rows fail unseen and
 * the page asks again once signed in; code that fails to load here fails again, visibly, when
 * the route loads it.
 */
export function prefetchUsersPage(queryClient: QueryClient, location: Location): void {
  if (location.pathname !== '/users') return;
  const params = new URLSearchParams(location.search);
  void queryClient.prefetchQuery(usersQuery(pageFrom(params), filtersFrom(params)));
  loadUsersPage().catch(() => undefined);
}
