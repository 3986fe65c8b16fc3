import { randomUUID } from 'node:crypto';
import { toIso } from '../db/rows.ts';
import type { EnvironmentRow } from '../db/schema.ts';
import type { RowLock } from '../db/executor.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { writeUnique } from './unique.ts';

export const ENVIRONMENT_NAME_MAX_LENGTH = 100;
export const ENVIRONMENT_DESCRIPTION_MAX_LENGTH = 1000;
export const ENVIRONMENT_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** The environments a new workspace starts with; production is the default. */
export const STARTING_ENVIRONMENTS = [
  { name: 'development', color: '#22c55e', isDefault: false },
  { name: 'staging', color: '#f59e0b', isDefault: false },
  { name: 'production', color: '#3b82f6', isDefault: true },
] as const;

/** A deployment stage of a workspace, which resources can be configured for. */
export interface Environment {
  id: string;
  name: string;
  description: string;
  /** `#rrggbb` in lower case, or null when none was chosen. */
  color: string | null;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface EnvironmentCreateInput {
  name: string;
  description?: string;
  color?: string | null;
  /** Makes it the default in place of the current one. The first environment of a workspace is the default anyway. */
  isDefault?: boolean;
}

/** Absent fields keep their value; `color: null` removes the colour. */
export interface EnvironmentUpdateInput {
  name?: string;
  description?: string;
  color?: string | null;
  /** true makes it the default in place of the current one; false is refused on the default itself. */
  isDefault?: boolean;
}

/**
 * Creates the starting environments of a new workspace through `repos`, which must be the
 * transaction that creates the workspace. They are stamped a millisecond apart from `at`,
 * so lists (oldest first) show them in the order above.
 */
export async function createDefaultEnvironments(repos: Repositories, workspaceId: string, at: string): Promise<void> {
  await repos.environments.create(STARTING_ENVIRONMENTS.map((environment, index) => {
    const stamp = new Date(Date.parse(at) + index).toISOString();
    return {
      id: randomUUID(), workspace_id: workspaceId, name: environment.name, description: '',
      color: environment.color, is_default: environment.isDefault ? 1 : 0, created_at: stamp, updated_at: stamp,
    };
  }));
}

export class EnvironmentService {
  constructor(private readonly store: Store) {}

  /** The workspace's environments, oldest first. */
  list(actor: Actor): Promise<Environment[]> {
    return this.store.read(async (repos) => (await repos.environments.list(actor.workspaceId)).map(toEnvironment));
  }

  get(actor: Actor, environmentId: string): Promise<Environment> {
    return this.store.read(async (repos) => toEnvironment(await loadEnvironment(repos, actor.workspaceId, environmentId)));
  }

  /**
   * Names are unique within a workspace (409 `environment_name_taken`). With `isDefault`,
   * the previous default stops being one in the same transaction.
   */
  create(actor: Actor, input: EnvironmentCreateInput): Promise<Environment> {
    const name = checkName(input.name);
    const description = checkDescription(input.description ?? '');
    const color = checkColor(input.color ?? null);
    return this.withNameCheck(name, async (repos) => {
      await repos.workspaces.lock(actor.workspaceId);
      const at = new Date().toISOString();
      const isDefault = input.isDefault === true || (await repos.environments.count(actor.workspaceId)) === 0;
      if (isDefault) await repos.environments.clearDefault(actor.workspaceId, at);
      const id = randomUUID();
      await repos.environments.create([{
        id, workspace_id: actor.workspaceId, name, description, color, is_default: isDefault ? 1 : 0, created_at: at, updated_at: at,
      }]);
      await recordAudit(repos, {
        action: 'environment.created', target: { type: 'environment', id }, workspaceId: actor.workspaceId,
        changes: { name, description, color, isDefault },
      });
      return toEnvironment(await loadEnvironment(repos, actor.workspaceId, id));
    });
  }

  /**
   * Changes name, description, colour, or makes the environment the default (the previous
   * default stops being one in the same transaction). The default cannot be un-defaulted
   * directly (400 `environment_default_required`): make another one the default instead.
   */
  update(actor: Actor, environmentId: string, input: EnvironmentUpdateInput): Promise<Environment> {
    const name = input.name === undefined ? undefined : checkName(input.name);
    const description = input.description === undefined ? undefined : checkDescription(input.description);
    const color = input.color === undefined ? undefined : checkColor(input.color);
    return this.withNameCheck(name ?? '', async (repos) => {
      await repos.workspaces.lock(actor.workspaceId);
      const row = await loadEnvironment(repos, actor.workspaceId, environmentId, 'update');
      if (input.isDefault === false && row.is_default === 1) {
        throw new DomainError('invalid_input', 'environment_default_required',
          'isDefault: the default environment stays the default until another environment is made the default', 'isDefault');
      }
      const at = new Date().toISOString();
      const becomesDefault = input.isDefault === true && row.is_default !== 1;
      if (becomesDefault) await repos.environments.clearDefault(actor.workspaceId, at);
      const changes = {
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        ...(color === undefined ? {} : { color }),
        ...(becomesDefault ? { is_default: 1 } : {}),
      };
      if (Object.keys(changes).length > 0) await repos.environments.update(environmentId, { ...changes, updated_at: at });
      await recordAudit(repos, {
        action: 'environment.updated', target: { type: 'environment', id: environmentId }, workspaceId: actor.workspaceId,
        changes: {
          ...(name === undefined ? {} : { name }),
          ...(description === undefined ? {} : { description }),
          ...(color === undefined ? {} : { color }),
          ...(input.isDefault === undefined ? {} : { isDefault: input.isDefault }),
        },
      });
      return toEnvironment(await loadEnvironment(repos, actor.workspaceId, environmentId));
    });
  }

  /**
   * Deletes the environment and every resource configuration made for it. The default
   * environment cannot be deleted (409 `environment_is_default`).
   */
  delete(actor: Actor, environmentId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await repos.workspaces.lock(actor.workspaceId);
      const row = await loadEnvironment(repos, actor.workspaceId, environmentId, 'update');
      if (row.is_default === 1) {
        throw conflict('environment_is_default', `Environment "${row.name}" is the default; make another environment the default first`);
      }
      const configurations = await repos.resourceConfigurations.countForEnvironment(environmentId);
      await repos.environments.delete(environmentId);
      await recordAudit(repos, {
        action: 'environment.deleted', target: { type: 'environment', id: environmentId }, workspaceId: actor.workspaceId,
        changes: { name: row.name, deletedConfigurations: configurations },
      });
    });
  }

  private withNameCheck<T>(name: string, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return writeUnique(this.store, work, () => conflict('environment_name_taken', `An environment named "${name}" already exists`, 'name'));
  }
}

export async function loadEnvironment(repos: Repositories, workspaceId: string, environmentId: string, lock?: RowLock): Promise<EnvironmentRow> {
  const row = await repos.environments.get(workspaceId, environmentId, lock);
  if (!row) throw notFound('environment', environmentId);
  return row;
}

/** Names are shown and matched as given: no surrounding spaces, no control characters. */
function checkName(name: string): string {
  if (name.length === 0 || name.length > ENVIRONMENT_NAME_MAX_LENGTH || name.trim() !== name || /[\u0000-\u001f\u007f]/.test(name)) {
    throw invalidInput('name', `must be 1 to ${ENVIRONMENT_NAME_MAX_LENGTH} characters, without surrounding spaces or control characters`);
  }
  return name;
}

function checkDescription(description: string): string {
  if (description.length > ENVIRONMENT_DESCRIPTION_MAX_LENGTH) {
    throw invalidInput('description', `must be at most ${ENVIRONMENT_DESCRIPTION_MAX_LENGTH} characters`);
  }
  return description;
}

/** Colours are stored in lower case, so `#3B82F6` and `#3b82f6` read back the same. */
function checkColor(color: string | null): string | null {
  if (color === null) return null;
  if (!ENVIRONMENT_COLOR_PATTERN.test(color)) throw invalidInput('color', 'must be a hex colour such as #3b82f6');
  return color.toLowerCase();
}

function toEnvironment(row: EnvironmentRow): Environment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    color: row.color,
    isDefault: row.is_default === 1,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
