import { keepPreviousData, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { type UserFilters, filtersFrom } from './user-filters.ts';

export const USERS_PAGE_SIZE = 50;

/** The users page's query for one page of members matching `filters`. */
export function usersQuery(page: number, filters: UserFilters) {
  return {
    queryKey: ['users', { page, ...filters }],
    queryFn: () => call(api.GET('/users', { params: { query: { page, pageSize: USERS_PAGE_SIZE, ...filters } } })),
    placeholderData: keepPreviousData,
  };
}

export function pageFrom(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page')) || 1);
}

/**
 * Asks for the users page's rows as the console starts, when it opens at /users, so the
 * request runs while the person and the page's code load instead of after them. Signed out,
 * it fails unseen and the page asks again once signed in.
 */
export function prefetchUsersPage(queryClient: QueryClient, location: Location): void {
  if (location.pathname !== '/users') return;
  const params = new URLSearchParams(location.search);
  void queryClient.prefetchQuery(usersQuery(pageFrom(params), filtersFrom(params)));
}
