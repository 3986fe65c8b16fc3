import { randomUUID } from 'node:crypto';
import type { ConfigurationVariableRow } from '../db/configuration-variable.repository.ts';
import { toIso } from '../db/rows.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { DomainError, conflict, invalidInput, notFound } from './errors.ts';
import type { SecretBox } from './secrets.ts';
import { writeUnique } from './unique.ts';

const MAX_NAME_LENGTH = 255;
const MAX_DESCRIPTION_LENGTH = 1000;

/** A workspace's named value per environment. A secret variable's values never leave the core: they read as null. */
export interface ConfigurationVariable {
  id: string;
  name: string;
  description: string;
  secret: boolean;
  values: Array<{ environmentId: string; value: string | null }>;
  createdAt: string;
  updatedAt: string;
}

export interface ConfigurationVariableInput {
  name: string;
  description?: string;
  secret: boolean;
  /**
   * The value in each environment; environments left out have none. A null value keeps the
   * secret value the variable already holds there (a client cannot send back what it never saw).
   */
  values: Array<{ environmentId: string; value: string | null }>;
}

/**
 * Configuration variables: one value per environment of the workspace, sealed at rest when
 * secret, bound to the variable and the environment (`valueContext`) so a sealed value
 * cannot be moved onto another. Names are unique in the workspace (409 `configuration_variable_name_taken`).
 */
export class ConfigurationVariableService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  list(actor: Actor): Promise<ConfigurationVariable[]> {
    return this.store.read(async (repos) => withValues(repos, await repos.configurationVariables.list(actor.workspaceId)));
  }

  get(actor: Actor, id: string): Promise<ConfigurationVariable> {
    return this.store.read(async (repos) => (await withValues(repos, [await load(repos, actor.workspaceId, id)]))[0]!);
  }

  create(actor: Actor, input: ConfigurationVariableInput): Promise<ConfigurationVariable> {
    return this.withNameCheck(input.name, async (repos) => {
      checkInput(input);
      const id = randomUUID();
      const at = new Date().toISOString();
      await repos.configurationVariables.create({
        id, workspace_id: actor.workspaceId, name: input.name, description: input.description ?? '', secret: input.secret ? 1 : 0,
        created_at: at, updated_at: at,
      });
      await this.writeValues(repos, actor, id, input, new Map());
      await recordAudit(repos, {
        action: 'configuration_variable.created', target: { type: 'configuration_variable', id }, workspaceId: actor.workspaceId,
        changes: { name: input.name, description: input.description ?? '', secret: input.secret, environmentIds: input.values.map((value) => value.environmentId) },
      });
      return (await withValues(repos, [await load(repos, actor.workspaceId, id)]))[0]!;
    });
  }

  /** Replaces name, description, secrecy and every value; the audit event never holds a value of a secret variable. */
  replace(actor: Actor, id: string, input: ConfigurationVariableInput): Promise<ConfigurationVariable> {
    return this.withNameCheck(input.name, async (repos) => {
      checkInput(input);
      const current = await load(repos, actor.workspaceId, id, 'update');
      const stored = new Map((await repos.configurationVariables.valuesOf([id])).map((row) => [row.environment_id, row.value]));
      const kept = current.secret === 1 ? stored : new Map<string, string>();
      await repos.configurationVariables.update(id, {
        name: input.name, description: input.description ?? '', secret: input.secret ? 1 : 0, updated_at: new Date().toISOString(),
      });
      await this.writeValues(repos, actor, id, input, kept);
      const changes = changedFields(
        { name: current.name, description: current.description, secret: current.secret === 1 },
        { name: input.name, description: input.description ?? '', secret: input.secret },
      );
      changes.environmentIds = input.values.map((value) => value.environmentId);
      if (!isEmpty(changes)) {
        await recordAudit(repos, { action: 'configuration_variable.updated', target: { type: 'configuration_variable', id }, workspaceId: actor.workspaceId, changes });
      }
      return (await withValues(repos, [await load(repos, actor.workspaceId, id)]))[0]!;
    });
  }

  delete(actor: Actor, id: string): Promise<void> {
    return this.store.write(async (repos) => {
      await load(repos, actor.workspaceId, id, 'update');
      await repos.configurationVariables.delete(id);
      await recordAudit(repos, { action: 'configuration_variable.deleted', target: { type: 'configuration_variable', id }, workspaceId: actor.workspaceId });
    });
  }

  /**
   * Writes the input's values, each environment checked to be the workspace's (a 400 in
   * Retool's words otherwise). A null value takes the sealed value in `kept`.
   */
  private async writeValues(
    repos: Repositories, actor: Actor, id: string, input: ConfigurationVariableInput, kept: ReadonlyMap<string, string>,
  ): Promise<void> {
    const rows = [];
    for (const [index, { environmentId, value }] of input.values.entries()) {
      if (!(await repos.environments.get(actor.workspaceId, environmentId, 'share'))) {
        throw new DomainError('invalid_input', 'environment_not_found', `Environment with id "${environmentId}" does not exist`, `values.${index}.environment_id`);
      }
      let stored: string;
      if (value === null) {
        const sealed = input.secret ? kept.get(environmentId) : undefined;
        if (sealed === undefined) throw invalidInput(`values.${index}.value`, 'has no value to keep; send the value');
        stored = sealed;
      } else {
        stored = input.secret ? this.box.seal(value, valueContext(id, environmentId)) : value;
      }
      rows.push({ variable_id: id, environment_id: environmentId, value: stored, position: index });
    }
    await repos.configurationVariables.replaceValues(id, rows);
  }

  private withNameCheck<T>(name: string, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return writeUnique(this.store, work, () => conflict('configuration_variable_name_taken', `A configuration variable named "${name}" already exists`, 'name'));
  }
}

/** What a sealed value is bound to. */
export function valueContext(variableId: string, environmentId: string): string {
  return `configuration-variable:${variableId}:${environmentId}`;
}

function checkInput(input: ConfigurationVariableInput): void {
  if (input.name.trim() === '' || input.name.length > MAX_NAME_LENGTH) throw invalidInput('name', `must be 1 to ${MAX_NAME_LENGTH} characters, not blank`);
  if ((input.description ?? '').length > MAX_DESCRIPTION_LENGTH) throw invalidInput('description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  const seen = new Set<string>();
  for (const [index, { environmentId }] of input.values.entries()) {
    if (seen.has(environmentId)) throw invalidInput(`values.${index}.environment_id`, 'names an environment given twice');
    seen.add(environmentId);
  }
}

async function load(repos: Repositories, workspaceId: string, id: string, lock?: 'update'): Promise<ConfigurationVariableRow> {
  const row = await repos.configurationVariables.get(workspaceId, id, lock);
  if (!row) throw notFound('configuration_variable', id);
  return row;
}

async function withValues(repos: Repositories, rows: ConfigurationVariableRow[]): Promise<ConfigurationVariable[]> {
  const values = await repos.configurationVariables.valuesOf(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    secret: row.secret === 1,
    values: values.filter((value) => value.variable_id === row.id)
      .map((value) => ({ environmentId: value.environment_id, value: row.secret === 1 ? null : value.value })),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}
