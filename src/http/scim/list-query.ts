import { resolveFilter } from '../../core/scim/filter-resolve.ts';
import { parseAttributePath } from '../../core/scim/filter.ts';
import { type Projection, projectionList } from '../../core/scim/projection.ts';
import type { ScimListRequest } from '../../core/scim/scim-list.ts';
import { scimError } from '../../core/scim/scim-errors.ts';
import { type ResourceKind, resolveAttribute } from '../../core/scim/schema.ts';

/** The most resources one list answer holds; a larger `count` is clamped to it (ServiceProviderConfig's maxResults). */
export const MAX_RESULTS = 1000;
/** Resources per page when the client does not say. */
export const DEFAULT_COUNT = 100;

/**
 * A list request from query parameters (GET) or a SearchRequest body (POST .search), read as
 * RFC 7644 §3.4.2 says: `startIndex` below 1 counts as 1, `count` is clamped to
 * [0, MAX_RESULTS]; a bad filter is 400 `invalidFilter`, a bad sortBy or sortOrder 400 `invalidValue`.
 */
export function listRequestOf(kind: ResourceKind, input: Record<string, unknown>): { request: ScimListRequest; projection: Projection } {
  const filter = typeof input.filter === 'string' && input.filter.trim() !== '' ? resolveFilter(kind, input.filter) : undefined;
  const startIndex = Math.max(1, integerOf(input.startIndex) ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integerOf(input.count) ?? DEFAULT_COUNT));
  let sortBy: string | undefined;
  if (typeof input.sortBy === 'string' && input.sortBy !== '') {
    let resolved;
    try {
      resolved = resolveAttribute(kind, parseAttributePath(input.sortBy));
    } catch {
      resolved = undefined;
    }
    const sortable = resolved && (resolved.subAttribute ?? resolved.attribute).type !== 'complex';
    if (!resolved || !sortable) throw scimError('invalidValue', `sortBy: ${kind} has no attribute "${input.sortBy}" to sort by`);
    sortBy = resolved.key;
  }
  const order = typeof input.sortOrder === 'string' ? input.sortOrder.toLowerCase() : 'ascending';
  if (order !== 'ascending' && order !== 'descending') throw scimError('invalidValue', 'sortOrder must be ascending or descending');
  return {
    request: { filter, sortBy, descending: order === 'descending', startIndex, count },
    projection: projectionOf(input),
  };
}

export function projectionOf(input: Record<string, unknown>): Projection {
  return { attributes: projectionList(input.attributes), excludedAttributes: projectionList(input.excludedAttributes) };
}

function integerOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? Math.trunc(number) : undefined;
}
