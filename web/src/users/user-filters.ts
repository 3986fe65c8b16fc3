import type { Role } from '../api/role.ts';

/** What the users page is narrowed to; every field is optional and kept in the address. */
export interface UserFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  groupId?: number;
}

const ROLES: readonly Role[] = ['admin', 'builder', 'end-user'];
const STATUSES = ['active', 'disabled'] as const;

/** The filters an address's query string names; values the API would refuse are dropped. */
export function filtersFrom(params: URLSearchParams): UserFilters {
  const q = params.get('q')?.trim();
  const role = params.get('role');
  const status = params.get('status');
  const groupId = Number(params.get('group'));
  return {
    q: q ? q : undefined,
    role: ROLES.find((known) => known === role),
    status: STATUSES.find((known) => known === status),
    groupId: Number.isInteger(groupId) && groupId > 0 ? groupId : undefined,
  };
}

/**
 * The query string for `filters` on page `page`: only the fields set, and no page number on
 * the first, so a changed filter starts again at page 1.
 */
export function paramsOf(filters: UserFilters, page = 1): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.q) params.q = filters.q;
  if (filters.role) params.role = filters.role;
  if (filters.status) params.status = filters.status;
  if (filters.groupId) params.group = String(filters.groupId);
  if (page > 1) params.page = String(page);
  return params;
}

export function isFiltered(filters: UserFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}
