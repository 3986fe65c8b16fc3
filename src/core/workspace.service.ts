import { randomUUID } from 'node:crypto';
import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { WorkspaceRow } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { createDefaultEnvironments } from './environment.service.ts';
import { DomainError, conflict, forbidden } from './errors.ts';
import { writeUnique } from './unique.ts';
import { normalizeDomains } from './workspace-domains.ts';

const DEFAULT_WORKSPACE_KEY = 'default_workspace_id';

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
  createdAt: string;
  updatedAt: string;
}

/** Absent fields keep their value; `domains` replaces the whole list. */
export interface WorkspaceSettingsUpdate {
  name?: string;
  domains?: string[];
}

export class WorkspaceService {
  private defaultWorkspaceId: string | undefined;

  constructor(private readonly store: Store) {}

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
    const { boundWorkspaceId, requestedWorkspaceId } = scope;
    if (boundWorkspaceId && requestedWorkspaceId && requestedWorkspaceId !== boundWorkspaceId) {
      throw forbidden('workspace_forbidden', 'This token is bound to another workspace');
    }
    const id = requestedWorkspaceId ?? boundWorkspaceId ?? (await this.ensureDefault());
    const workspace = await this.store.read((repos) => repos.workspaces.get(id));
    if (!workspace) throw new DomainError('not_found', 'workspace_not_found', `No workspace with id ${id}`);
    if (workspace.status !== 'active') throw forbidden('workspace_archived', `Workspace ${id} is archived`);
    return id;
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

  /** Creates a workspace (names are unique: 409 `workspace_name_taken`) and returns its id. */
  async create(name: string): Promise<string> {
    const id = randomUUID();
    const at = new Date().toISOString();
    await writeUnique(
      this.store,
      async (repos) => {
        await repos.workspaces.create({ id, name, status: 'active', created_at: at, updated_at: at });
        await createDefaultEnvironments(repos, id, at);
      },
      () => conflict('workspace_name_taken', `A workspace named "${name}" already exists`, 'name'),
    );
    return id;
  }

  /** A workspace's settings; instance-wide tokens only (403 `workspace_forbidden`), 404 when unknown. */
  getSettings(actor: Actor, id: string): Promise<WorkspaceSettings> {
    requireInstanceWide(actor);
    return this.store.read(async (repos) => toSettings(loadWorkspace(await repos.workspaces.get(id), id)));
  }

  /**
   * Renames the workspace and/or replaces its domains (normalised by `normalizeDomains`).
   * A name another workspace holds is a 409 `workspace_name_taken`, and nothing changes.
   */
  updateSettings(actor: Actor, id: string, input: WorkspaceSettingsUpdate): Promise<WorkspaceSettings> {
    requireInstanceWide(actor);
    const domains = input.domains === undefined ? undefined : normalizeDomains(input.domains);
    return writeUnique(this.store, async (repos) => {
      loadWorkspace(await repos.workspaces.get(id), id);
      if (input.name !== undefined || domains !== undefined) {
        await repos.workspaces.update(id, {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(domains === undefined ? {} : { domains: toJson(domains) }),
          updated_at: new Date().toISOString(),
        });
      }
      return toSettings((await repos.workspaces.get(id))!);
    }, () => conflict('workspace_name_taken', `A workspace named "${input.name}" already exists`, 'name'));
  }
}

/** Workspace settings belong to the instance: a token bound to one workspace may not read or change them, even its own. */
function requireInstanceWide(actor: Actor): void {
  if (actor.boundWorkspaceId) {
    throw forbidden('workspace_forbidden', 'Workspace settings need an instance-wide token; this token is bound to a workspace');
  }
}

function loadWorkspace(row: WorkspaceRow | undefined, id: string): WorkspaceRow {
  if (!row) throw new DomainError('not_found', 'workspace_not_found', `No workspace with id ${id}`);
  return row;
}

function toSettings(row: WorkspaceRow): WorkspaceSettings {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    domains: fromJson<string[]>(row.domains),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
