import type { InviteWithInviter } from '../db/invite.repository.ts';
import { fromJson, toIso, toIsoOrNull } from '../db/rows.ts';
import type { InviteRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { DomainError, gone, notFound } from './errors.ts';
import type { Role } from './roles.ts';
import { generateTokenSecret, hashTokenSecret } from './token-secret.ts';

/**
 * An invite's state as clients see it. The database stores pending, accepted and revoked;
 * a pending invite past its expiry reads as `expired`.
 */
export type InviteStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Prefix of invite tokens, distinct from API tokens' `tp_` so neither is mistaken for the other. */
export const INVITE_TOKEN_PREFIX = 'tpi_';
export const DEFAULT_EXPIRY_DAYS = 7;
export const MAX_EXPIRY_DAYS = 90;
/** Most invites one request may create. */
export const MAX_INVITE_BATCH = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Invite {
  id: string;
  email: string;
  role: Role;
  /** The email's domain is not one of the workspace's domains; the role is then end-user. */
  external: boolean;
  status: InviteStatus;
  /** The workspace's groups the invitee joins on accepting (groups deleted since are left out). */
  groups: Array<{ id: number; name: string }>;
  attributes: Record<string, unknown>;
  expiresAt: string;
  /** Email of the user whose token created the invite. */
  invitedBy: string | null;
  acceptedUserId: string | null;
  acceptedAt: string | null;
  revokedAt: string | null;
  sendAttempts: number;
  lastSentAt: string | null;
  /** Why the last delivery failed; null when it succeeded or none was tried. */
  sendError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An invite just created or re-issued; `acceptUrl` only when no mailer delivers it. */
export interface IssuedInvite {
  invite: Invite;
  acceptUrl?: string;
}

export function inviteStatus(row: Pick<InviteRow, 'status' | 'expires_at'>, now: Date): InviteStatus {
  if (row.status === 'pending' && new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return row.status;
}

/** A fresh one-time token and the hash that is stored in its place. */
export function newInviteToken(): { token: string; hash: string } {
  const token = generateTokenSecret(INVITE_TOKEN_PREFIX);
  return { token, hash: hashTokenSecret(token) };
}

export function expiryAfter(days: number, from: Date): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString();
}

/** Refuses an invite that can no longer be accepted: unknown (404 `invalid_token`), or used, revoked or expired (410 `invite_gone`). */
export function assertAcceptable(row: InviteRow | undefined, now: Date): InviteRow {
  if (!row) throw new DomainError('not_found', 'invalid_token', 'No invite matches this token');
  const status = inviteStatus(row, now);
  if (status === 'accepted') throw gone('invite_gone', 'This invite has already been used');
  if (status === 'revoked') throw gone('invite_gone', 'This invite has been revoked');
  if (status === 'expired') throw gone('invite_gone', 'This invite has expired; ask for a new one');
  return row;
}

export function inviteNotFound(id: string): DomainError {
  return notFound('invite', id);
}

/** Reads invites of one workspace as clients see them, with their groups' names. */
export async function toInvites(repos: Repositories, workspaceId: string, rows: InviteWithInviter[], now: Date): Promise<Invite[]> {
  if (rows.length === 0) return [];
  const groupNames = new Map((await repos.groups.list(workspaceId)).map((group) => [group.id, group.name]));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    external: Boolean(row.external),
    status: inviteStatus(row, now),
    groups: fromJson<number[]>(row.group_ids).flatMap((id) => {
      const name = groupNames.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
    attributes: fromJson<Record<string, unknown>>(row.attributes),
    expiresAt: toIso(row.expires_at),
    invitedBy: row.invited_by_email,
    acceptedUserId: row.accepted_user_id,
    acceptedAt: toIsoOrNull(row.accepted_at),
    revokedAt: toIsoOrNull(row.revoked_at),
    sendAttempts: Number(row.send_attempts),
    lastSentAt: toIsoOrNull(row.last_sent_at),
    sendError: row.send_error,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/** One invite of the workspace as clients see it; 404 `invite_not_found` when it is not the workspace's. */
export async function loadInvite(repos: Repositories, workspaceId: string, id: string): Promise<Invite> {
  const row = await repos.invites.get(workspaceId, id);
  if (!row) throw inviteNotFound(id);
  const [invite] = await toInvites(repos, workspaceId, [row], new Date());
  return invite!;
}
