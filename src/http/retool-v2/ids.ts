import { notFound } from '../../core/errors.ts';

/**
 * Retool's id forms over Toolplane's UUIDs: `user_<32 hex>` for a user and `org_<32 hex>`
 * for a workspace are the UUID without its dashes, so each maps back without a lookup.
 * Groups keep their integer ids; folders take `<type>_<n>` (folders.mapper.ts).
 */
const HEX32 = /^[0-9a-f]{32}$/;

function withoutDashes(uuid: string): string {
  return uuid.replace(/-/g, '').toLowerCase();
}

function withDashes(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toRetoolUserId(userId: string): string {
  return `user_${withoutDashes(userId)}`;
}

/** The UUID of a `user_<32 hex>` id; any other text names no user (404). */
export function fromRetoolUserId(id: string): string {
  const hex = id.startsWith('user_') ? id.slice(5).toLowerCase() : '';
  if (!HEX32.test(hex)) throw notFound('user', id);
  return withDashes(hex);
}

export function toRetoolSpaceId(workspaceId: string): string {
  return `org_${withoutDashes(workspaceId)}`;
}

export function fromRetoolSpaceId(id: string): string {
  const hex = id.startsWith('org_') ? id.slice(4).toLowerCase() : '';
  if (!HEX32.test(hex)) throw notFound('space', id);
  return withDashes(hex);
}

/** The largest integer id the database holds (a 32-bit integer column on PostgreSQL). */
export const MAX_INTEGER_ID = 2_147_483_647;

/** A group id from a path: digits only, within the integers the database holds; any other names no group. */
export function fromRetoolGroupId(id: string): number {
  const value = /^\d{1,10}$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > MAX_INTEGER_ID) throw notFound('group', id);
  return value;
}
