import { randomUUID } from 'node:crypto';
import type { InviteStatusFilter } from '../db/invite.repository.ts';
import { fromJson, toJson } from '../db/rows.ts';
import type { Repositories, Store } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { DomainError, conflict, invalidInput } from './errors.ts';
import type { InviteDelivery } from './invite-delivery.ts';
import {
  DEFAULT_EXPIRY_DAYS, type Invite, type IssuedInvite, MAX_EXPIRY_DAYS, MAX_INVITE_BATCH, expiryAfter, inviteNotFound, loadInvite,
  newInviteToken, toInvites,
} from './invites.ts';
import { type Outcome, eachOutcome } from './outcomes.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import type { Role } from './roles.ts';
import { checkAttributeValues } from './user-attributes.ts';
import { isExternalEmail } from './workspace-domains.ts';

export interface InviteCreateInput {
  email: string;
  role: Role;
  /** Integer ids of the workspace's groups the invitee joins. */
  groupIds?: number[];
  /** Values for the workspace's user attributes, set on the member when the invite is accepted. */
  attributes?: Record<string, unknown>;
  /** 1 to 90; 7 when absent. */
  expiresInDays?: number;
}

/** How many invitation emails a batch sends at once. */
const SEND_CONCURRENCY = 4;

/** Invites of the actor's workspace, as its administrators manage them. Accepting is InviteAcceptanceService's. */
export class InviteService {
  constructor(
    private readonly store: Store,
    private readonly delivery: InviteDelivery,
  ) {}

  list(actor: Actor, status: InviteStatusFilter | undefined, request: PageRequest): Promise<Page<Invite>> {
    return this.store.read(async (repos) => {
      const now = new Date();
      const [rows, total] = await Promise.all([
        repos.invites.list(actor.workspaceId, status, now.toISOString(), offsetOf(request), request.pageSize),
        repos.invites.count(actor.workspaceId, status, now.toISOString()),
      ]);
      return { items: await toInvites(repos, actor.workspaceId, rows, now), total };
    });
  }

  get(actor: Actor, id: string): Promise<Invite> {
    return this.store.read((repos) => loadInvite(repos, actor.workspaceId, id));
  }

  /** Creates one invite (see `createMany`); a refused invite throws its error. */
  async create(actor: Actor, input: InviteCreateInput): Promise<IssuedInvite> {
    const [outcome] = await this.createMany(actor, [input]);
    if (!outcome!.ok) throw outcome!.error;
    return outcome!.value;
  }

  /**
   * Creates invites one by one, each in its own transaction, so a refused item (bad input,
   * duplicate, external email with a role above end-user) changes nothing and never stops
   * the others. Results come in input order. Emails are sent after all items are committed;
   * a failed send is recorded on its invite, which stays pending.
   */
  async createMany(actor: Actor, inputs: InviteCreateInput[]): Promise<Outcome<IssuedInvite>[]> {
    if (inputs.length > MAX_INVITE_BATCH) throw invalidInput('body', `at most ${MAX_INVITE_BATCH} invites per request`);
    const inserted = await eachOutcome(inputs, (input) => this.insert(actor, input));
    return mapConcurrently(inserted, SEND_CONCURRENCY, async (outcome): Promise<Outcome<IssuedInvite>> =>
      outcome.ok ? { ok: true, value: await this.delivery.deliver(actor.workspaceId, outcome.value.id, outcome.value.token) } : outcome);
  }

  /**
   * Records one invite as `create` does, without delivering it: in the caller's transaction
   * when there is one, for a caller making other changes with it that must send nothing
   * unless all of them commit. Answers the invite's id and its token, to hand to `deliver`
   * once committed; refused, it throws and records nothing.
   */
  record(actor: Actor, input: InviteCreateInput): Promise<{ id: string; token: string }> {
    return this.insert(actor, input);
  }

  /** Sends (or hands back the link of) an invite `record` made, once its transaction has committed. */
  deliver(workspaceId: string, id: string, token: string): Promise<IssuedInvite> {
    return this.delivery.deliver(workspaceId, id, token);
  }

  /** Revokes a pending (or expired) invite: its token stops working. An accepted or revoked one is a 409. */
  async revoke(actor: Actor, id: string): Promise<void> {
    await this.store.write(async (repos) => {
      const row = await repos.invites.getForChange(actor.workspaceId, id, 'update');
      if (!row) throw inviteNotFound(id);
      if (row.status !== 'pending') throw notPending(row.status);
      const at = new Date().toISOString();
      await repos.invites.update(id, { status: 'revoked', revoked_at: at, updated_at: at });
      await recordAudit(repos, { action: 'invite.revoked', target: { type: 'invite', id }, workspaceId: actor.workspaceId, changes: { status: 'revoked' } });
    });
  }

  /**
   * Issues a new token for a pending (or expired) invite, renews its expiry, and delivers it
   * again; every earlier link stops working. An accepted or revoked invite is a 409.
   */
  async resend(actor: Actor, id: string, expiresInDays = DEFAULT_EXPIRY_DAYS): Promise<IssuedInvite> {
    checkExpiryDays(expiresInDays);
    const { token, hash } = newInviteToken();
    await this.store.write(async (repos) => {
      const row = await repos.invites.getForChange(actor.workspaceId, id, 'update');
      if (!row) throw inviteNotFound(id);
      if (row.status !== 'pending') throw notPending(row.status);
      const now = new Date();
      const expiresAt = expiryAfter(expiresInDays, now);
      await repos.invites.update(id, { token_hash: hash, expires_at: expiresAt, updated_at: now.toISOString() });
      await recordAudit(repos, { action: 'invite.resent', target: { type: 'invite', id }, workspaceId: actor.workspaceId, changes: { expiresAt } });
    });
    return this.delivery.deliver(actor.workspaceId, id, token);
  }

  /** Checks one invite against the workspace and stores it with a fresh token; throws a DomainError when refused. */
  private async insert(actor: Actor, input: InviteCreateInput): Promise<{ id: string; token: string }> {
    const expiresInDays = input.expiresInDays ?? DEFAULT_EXPIRY_DAYS;
    checkExpiryDays(expiresInDays);
    const id = randomUUID();
    const { token, hash } = newInviteToken();
    await this.store.write(async (repos) => {
      const workspaceId = actor.workspaceId;
      // Serialises invites of the workspace on PostgreSQL, so two requests cannot both pass the duplicate check.
      await repos.workspaces.lock(workspaceId);
      const workspace = (await repos.workspaces.get(workspaceId))!;
      const external = isExternalEmail(input.email, fromJson<string[]>(workspace.domains));
      if (external && input.role !== 'end-user') {
        throw invalidInput('role', `${input.email} is an external email (its domain is not one of the workspace's domains); external invitees join as end-user`, 'external_role');
      }
      const groupIds = await checkGroups(repos, workspaceId, input.groupIds ?? []);
      await refuseGroupsAboveUse(repos, workspaceId, input.role, groupIds, 'groupIds');
      const attributes = input.attributes ?? {};
      await checkAttributeValues(repos, workspaceId, attributes);
      const now = new Date();
      await checkInvitee(repos, workspaceId, input.email, now.toISOString());
      await repos.invites.create({
        id,
        workspace_id: workspaceId,
        email: input.email,
        role: input.role,
        group_ids: toJson(groupIds),
        attributes: toJson(attributes),
        external: external ? 1 : 0,
        token_hash: hash,
        status: 'pending',
        expires_at: expiryAfter(expiresInDays, now),
        // Local CLI work has no user to name.
        created_by: actor.userId || null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(repos, {
        action: 'invite.created', target: { type: 'invite', id }, workspaceId,
        changes: { email: input.email, role: input.role, groupIds, attributes, external, expiresAt: expiryAfter(expiresInDays, now) },
      });
    });
    return { id, token };
  }
}

function checkExpiryDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
    throw invalidInput('expiresInDays', `must be a whole number of days from 1 to ${MAX_EXPIRY_DAYS}`);
  }
}

/** The distinct group ids, each a group of the workspace (400 `group_not_found` naming the item otherwise). */
async function checkGroups(repos: Repositories, workspaceId: string, groupIds: number[]): Promise<number[]> {
  if (groupIds.length === 0) return [];
  const known = new Set((await repos.groups.list(workspaceId)).map((group) => group.id));
  groupIds.forEach((groupId, index) => {
    if (!known.has(groupId)) throw invalidInput(`groupIds.${index}`, `no group ${groupId} in this workspace`, 'group_not_found');
  });
  return [...new Set(groupIds)];
}

/** 409 when the email is an active member already, an archived account, or has an unexpired pending invite here. */
async function checkInvitee(repos: Repositories, workspaceId: string, email: string, now: string): Promise<void> {
  const user = await repos.users.getByEmail(email);
  if (user?.status === 'archived') {
    throw conflict('user_archived', `The account of ${email} is archived; restore it before inviting it`, 'email');
  }
  if (user && (await repos.memberships.get(workspaceId, user.id))?.status === 'active') {
    throw conflict('already_member', `${email} is already an active member of this workspace`, 'email');
  }
  if (await repos.invites.hasPending(workspaceId, email, now)) {
    throw conflict('invite_pending', `${email} already has a pending invite to this workspace; resend or revoke it`, 'email');
  }
}

function notPending(status: string): DomainError {
  return conflict('invite_not_pending', `The invite is ${status}; only a pending invite can be revoked or resent`);
}

/** Maps `items` through `work` with at most `limit` calls running at once, keeping the order. */
async function mapConcurrently<T, U>(items: T[], limit: number, work: (item: T) => Promise<U>): Promise<U[]> {
  const results: U[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
