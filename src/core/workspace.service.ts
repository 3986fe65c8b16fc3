import { randomUUID } from 'node:crypto';
import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { WorkspaceRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { WorkspaceFilter } from '../db/workspace.repository.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { createDefaultEnvironments } from './environment.service.ts';
import { DomainError, conflict, forbidden, invalidInput } from './errors.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { RecentReads } from './recent-reads.ts';
import { ROLES, type Role } from './roles.ts';
import { writeUnique } from './unique.ts';
import { normalizeDomains } from './workspace-domains.ts';

/** The setting naming the default workspace, whose active admins act instance-wide. */
export const DEFAULT_WORKSPACE_KEY = 'default_workspace_id';

/** The workspace a token may act in, as the authentication step resolves it. */
export interface WorkspaceScope {
  /** The token's own workspace, or null for an instance-wide token. */
  boundWorkspaceId: string | null;
  /** The workspace the client named (X-Workspace-Id), if any. */
  requestedWorkspaceId?: string;
}

export interface WorkspaceWithGroups {
  id: string;
  name: string;
  status: 'active' | 'archived';
  groups: Array<{ id: string; name: string }>;
}

/** A workspace's own settings, as instance administrators see and change them. */
export interface WorkspaceSettings {
  id: string;
  name: string;
  status: 'active' | 'archived';
  /** Email domains of the workspace's own people; invitees from any other domain are external. */
  domains: string[];
  /** Whether a session acts here only once its person has turned two-factor sign-in on (session-grants.ts). */
  twoFactorRequired: boolean;
  /** The role people SCIM provisions into the workspace get. */
  scimDefaultRole: Role;
  createdAt: string;
  updatedAt: string;
}

/** Absent fields keep their value; `domains` replaces the whole list. */
export interface WorkspaceSettingsUpdate {
  name?: string;
  domains?: string[];
  /** `archived` blocks the workspace's tokens and X-Workspace-Id naming it; `active` restores them. */
  status?: WorkspaceRow['status'];
  twoFactorRequired?: boolean;
  scimDefaultRole?: Role;
}

export interface WorkspaceCreateOptions {
  /** Email domains of the workspace's own people; normalised by `normalizeDomains`. */
  domains?: string[];
  /** A user who becomes the workspace's first admin (an active membership with role admin). */
  adminUserId?: string;
  /** As `adminUserId`, by email address; an unknown address becomes a new active user. */
  adminEmail?: string;
}

/** What an API caller sends to create a workspace; the caller's own user becomes its admin. */
export interface WorkspaceSettingsCreate {
  name: string;
  domains?: string[];
}

const MAX_NAME_LENGTH = 255;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class WorkspaceService {
  private defaultWorkspaceId: string | undefined;
  /** Workspace rows for `resolve`, which every authenticated request calls. */
  private readonly recent: RecentReads<WorkspaceRow | undefined>;

  constructor(private readonly store: Store) {
    this.recent = new RecentReads(store, { rowsOf: ['workspaces'] });
  }

  /**
   * Makes sure the default workspace exists and returns its id. Safe when several processes
   * start at once: the setting is claimed first, and only the claimant creates the workspace.
   */
  async ensureDefault(): Promise<string> {
    if (this.defaultWorkspaceId) return this.defaultWorkspaceId;
    const candidate = randomUUID();
    const id = await this.store.write(async (repos) => {
      const stored = await repos.settings.putIfAbsent(DEFAULT_WORKSPACE_KEY, candidate);
      if (stored === candidate) {
        const at = new Date().toISOString();
        await repos.workspaces.create({ id: stored, name: 'Default', status: 'active', created_at: at, updated_at: at });
        await createDefaultEnvironments(repos, stored, at);
      }
      return stored;
    });
    this.defaultWorkspaceId = id;
    return id;
  }

  /**
   * The workspace a request acts in: the one named, else the token's own, else the default.
   * A workspace-bound token naming another workspace is refused, as is an archived workspace.
   */
  async resolve(scope: WorkspaceScope): Promise<string> {
    const id = actingWorkspace(scope) ?? (await this.ensureDefault());
    return admitWorkspace(id, await this.recent.get(id, () => this.store.read((repos) => repos.workspaces.get(id)), (found) => found !== undefined));
  }

  /**
   * `resolve` answered from memory alone, for a workspace read within RECENT_READ_TTL_MS:
   * the same answer or refusal, or undefined when the workspace must be read.
   */
  resolveFromMemory(scope: WorkspaceScope): string | undefined {
    const id = actingWorkspace(scope) ?? this.defaultWorkspaceId;
    if (id === undefined) return undefined;
    const workspace = this.recent.peek(id);
    return workspace === undefined ? undefined : admitWorkspace(id, workspace);
  }

  /** The default workspace's id once this process knows it; undefined before `ensureDefault` has answered. */
  defaultIdFromMemory(): string | undefined {
    return this.defaultWorkspaceId;
  }

  /** Active workspaces with their groups (uuid and name), oldest first. */
  listActive(): Promise<WorkspaceWithGroups[]> {
    return this.store.read(async (repos) => {
      const workspaces = await repos.accounts.listActiveWorkspaces();
      const groups = await repos.accounts.groupsOfWorkspaces(workspaces.map((workspace) => workspace.id));
      return workspaces.map((workspace) => ({
        id: workspace.id,
        name: workspace.name,
        status: workspace.status,
        groups: groups.filter((group) => group.workspace_id === workspace.id).map((group) => ({ id: group.uuid, name: group.name })),
      }));
    });
  }

  /**
   * Creates a workspace, and its first admin's membership when one is named, in one
   * transaction that also records `workspace.created`; a failure leaves nothing behind.
   * Names are unique in the instance (409 `workspace_name_taken`). Returns the new id.
   */
  async create(name: string, options: WorkspaceCreateOptions = {}): Promise<string> {
    checkName(name);
    if (options.adminEmail !== undefined && !EMAIL.test(options.adminEmail)) throw invalidInput('adminEmail', 'must be an email address');
    const domains = normalizeDomains(options.domains ?? []);
    const id = randomUUID();
    const at = new Date().toISOString();
    await writeUnique(this.store, async (repos) => {
      await repos.workspaces.create({ id, name, status: 'active', domains: toJson(domains), created_at: at, updated_at: at });
      await createDefaultEnvironments(repos, id, at);
      const adminUserId = await addFirstAdmin(repos, id, options, at);
      await recordAudit(repos, {
        action: 'workspace.created',
        target: { type: 'workspace', id },
        workspaceId: id,
        changes: { name, domains, ...(adminUserId ? { adminUserId } : {}) },
      });
    }, () => nameTaken(name));
    return id;
  }

  /** Creates a workspace for an API caller (instance-wide tokens only); the caller's user becomes its admin. */
  async createSettings(actor: Actor, input: WorkspaceSettingsCreate): Promise<WorkspaceSettings> {
    requireInstanceWide(actor);
    const id = await this.create(input.name, { domains: input.domains, adminUserId: actor.userId });
    return this.store.read(async (repos) => settingsOf(repos, loadWorkspace(await repos.workspaces.get(id), id)));
  }

  /** One page of the workspaces the filter admits, oldest first, archived ones included unless filtered out. */
  list(filter: WorkspaceFilter, page: PageRequest): Promise<Page<WorkspaceSettings>> {
    return this.store.read(async (repos) => {
      const [rows, total] = await Promise.all([
        repos.workspaces.list(filter, offsetOf(page), page.pageSize),
        repos.workspaces.count(filter),
      ]);
      const ids = rows.map((row) => row.id);
      const [requiring, scimRoles] = await Promise.all([repos.workspaces.requiringTwoFactor(ids), repos.workspaces.scimDefaultRoles(ids)]);
      return { items: rows.map((row) => toSettings(row, requiring.has(row.id), scimRoles.get(row.id)!)), total };
    });
  }

  /** `list` for an API caller: instance-wide tokens only (403 `workspace_forbidden`). */
  listSettings(actor: Actor, filter: WorkspaceFilter, page: PageRequest): Promise<Page<WorkspaceSettings>> {
    requireInstanceWide(actor);
    return this.list(filter, page);
  }

  /** A workspace's settings; instance-wide tokens only (403 `workspace_forbidden`), 404 when unknown. */
  getSettings(actor: Actor, id: string): Promise<WorkspaceSettings> {
    requireInstanceWide(actor);
    return this.store.read(async (repos) => settingsOf(repos, loadWorkspace(await repos.workspaces.get(id), id)));
  }

  /**
   * Renames the workspace, replaces its domains (normalised by `normalizeDomains`), requires
   * two-factor sign-in of its sessions or not, sets the role SCIM gives new members, and/or
   * archives or restores it, recording one
   * audit event: `workspace.archived` or
   * `workspace.unarchived` when the status changes, else `workspace.updated`. A name another
   * workspace holds is a 409 `workspace_name_taken`; archiving the default workspace is a
   * 409 `workspace_is_default`. Either way nothing changes. Archiving touches nothing else:
   * memberships, tokens and content stay, and work again once the workspace is active.
   */
  async updateSettings(actor: Actor, id: string, input: WorkspaceSettingsUpdate): Promise<WorkspaceSettings> {
    requireInstanceWide(actor);
    if (input.name !== undefined) checkName(input.name);
    if (input.scimDefaultRole !== undefined && !ROLES.includes(input.scimDefaultRole)) {
      throw invalidInput('scimDefaultRole', `must be one of ${ROLES.join(', ')}`);
    }
    const domains = input.domains === undefined ? undefined : normalizeDomains(input.domains);
    const defaultId = input.status === 'archived' ? await this.ensureDefault() : undefined;
    return writeUnique(this.store, async (repos) => {
      const before = loadWorkspace(await repos.workspaces.get(id), id);
      if (input.status === 'archived' && id === defaultId) {
        throw conflict('workspace_is_default', 'The default workspace cannot be archived', 'status');
      }
      const changes = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(domains === undefined ? {} : { domains }),
        ...(input.status === undefined ? {} : { status: input.status }),
        ...(input.twoFactorRequired === undefined ? {} : { twoFactorRequired: input.twoFactorRequired }),
        ...(input.scimDefaultRole === undefined ? {} : { scimDefaultRole: input.scimDefaultRole }),
      };
      if (Object.keys(changes).length > 0) {
        await repos.workspaces.update(id, {
          name: input.name,
          domains: domains && toJson(domains),
          status: input.status,
          two_factor_required: input.twoFactorRequired === undefined ? undefined : Number(input.twoFactorRequired),
          scim_default_role: input.scimDefaultRole,
          updated_at: new Date().toISOString(),
        });
      }
      await recordAudit(repos, { action: updateAction(before.status, input.status), target: { type: 'workspace', id }, workspaceId: id, changes });
      return settingsOf(repos, (await repos.workspaces.get(id))!);
    }, () => nameTaken(input.name));
  }
}

/** Workspace settings belong to the instance: a token bound to one workspace may not read or change them, even its own. */
function requireInstanceWide(actor: Actor): void {
  if (actor.boundWorkspaceId) {
    throw forbidden('workspace_forbidden', 'Workspace settings need an instance-wide token; this token is bound to a workspace');
  }
}

function checkName(name: string): void {
  if (name.trim() === '') throw invalidInput('name', 'must not be blank');
  if (name.length > MAX_NAME_LENGTH) throw invalidInput('name', `must be at most ${MAX_NAME_LENGTH} characters`);
}

function nameTaken(name: string | undefined): DomainError {
  return conflict('workspace_name_taken', `A workspace named "${name}" already exists`, 'name');
}

/** A status change is its own audit action, so archiving and restoring are easy to find. */
function updateAction(before: WorkspaceRow['status'], after: WorkspaceRow['status'] | undefined): string {
  if (after === undefined || after === before) return 'workspace.updated';
  return after === 'archived' ? 'workspace.archived' : 'workspace.unarchived';
}

/**
 * Makes the named user (by id, else by email, creating an active user for a new address)
 * an active admin of the new workspace; returns their id, or null when none is named.
 * An archived user cannot become the admin (409 `user_archived`).
 */
async function addFirstAdmin(repos: Repositories, workspaceId: string, options: WorkspaceCreateOptions, at: string): Promise<string | null> {
  let user = options.adminUserId !== undefined
    ? await repos.users.getById(options.adminUserId)
    : options.adminEmail !== undefined ? await repos.users.getByEmail(options.adminEmail) : undefined;
  if (options.adminUserId !== undefined && !user) {
    throw invalidInput('adminUserId', `no user with id ${options.adminUserId}`, 'user_not_found');
  }
  if (!user && options.adminEmail !== undefined) {
    const id = randomUUID();
    await repos.users.create({
      id, email: options.adminEmail, first_name: '', last_name: '', status: 'active', default_workspace_id: workspaceId,
      created_at: at, updated_at: at,
    });
    user = await repos.users.getById(id);
  }
  if (!user) return null;
  if (user.status === 'archived') {
    throw conflict('user_archived', `User ${user.email} is archived and cannot administer a workspace`, options.adminUserId ? 'adminUserId' : 'adminEmail');
  }
  await repos.memberships.create({
    workspace_id: workspaceId, user_id: user.id, role: 'admin', status: 'active', invite_nonce: newInviteNonce(), created_at: at, updated_at: at,
  });
  return user.id;
}

function loadWorkspace(row: WorkspaceRow | undefined, id: string): WorkspaceRow {
  if (!row) throw new DomainError('not_found', 'workspace_not_found', `No workspace with id ${id}`);
  return row;
}

async function settingsOf(repos: Repositories, row: WorkspaceRow): Promise<WorkspaceSettings> {
  const [requiring, scimRoles] = await Promise.all([repos.workspaces.requiringTwoFactor([row.id]), repos.workspaces.scimDefaultRoles([row.id])]);
  return toSettings(row, requiring.has(row.id), scimRoles.get(row.id)!);
}

function toSettings(row: WorkspaceRow, twoFactorRequired: boolean, scimDefaultRole: Role): WorkspaceSettings {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    domains: fromJson<string[]>(row.domains),
    twoFactorRequired,
    scimDefaultRole,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** The workspace named or bound (a bound token naming another is refused); undefined means the default. */
function actingWorkspace({ boundWorkspaceId, requestedWorkspaceId }: WorkspaceScope): string | undefined {
  if (boundWorkspaceId && requestedWorkspaceId && requestedWorkspaceId !== boundWorkspaceId) {
    throw forbidden('workspace_forbidden', 'This token is bound to another workspace');
  }
  return requestedWorkspaceId ?? boundWorkspaceId ?? undefined;
}

function admitWorkspace(id: string, workspace: WorkspaceRow | undefined): string {
  if (!workspace) throw new DomainError('not_found', 'workspace_not_found', `No workspace with id ${id}`);
  if (workspace.status !== 'active') throw forbidden('workspace_archived', `Workspace ${id} is archived`);
  return id;
}
