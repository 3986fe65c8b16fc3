import { randomUUID } from 'node:crypto';
import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { UserAttributeDefinitionRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { type DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { writeUnique } from './unique.ts';
import { type AttributeType, fitsType } from './user-attributes.ts';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'json'];
export const ATTRIBUTE_NAME_PATTERN = /^[a-z0-9_]+$/;
export const ATTRIBUTE_NAME_MAX_LENGTH = 64;
export const ATTRIBUTE_LABEL_MAX_LENGTH = 255;

/** An attribute definition of a workspace; `defaultValue` is null when there is none. */
export interface UserAttribute {
  id: string;
  name: string;
  label: string;
  dataType: AttributeType;
  defaultValue: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface UserAttributeCreateInput {
  name: string;
  /** The name when left out. */
  label?: string;
  dataType: AttributeType;
  /** Must fit dataType; null or left out means no default. */
  defaultValue?: unknown;
}

/**
 * Only label and defaultValue change. name and dataType may be sent back as they are (a
 * client echoing the whole object); a different value is refused, since members' values
 * were checked against them.
 */
export interface UserAttributeUpdateInput {
  name?: string;
  dataType?: AttributeType;
  label?: string;
  /** null removes the default; left out keeps it. */
  defaultValue?: unknown;
}

export class UserAttributeService {
  constructor(private readonly store: Store) {}

  list(actor: Actor): Promise<UserAttribute[]> {
    return this.store.read(async (repos) => (await repos.userAttributes.list(actor.workspaceId)).map(toUserAttribute));
  }

  get(actor: Actor, id: string): Promise<UserAttribute> {
    return this.store.read(async (repos) => toUserAttribute(await loadDefinition(repos, actor.workspaceId, id)));
  }

  /** Names are unique within a workspace (409 `attribute_name_taken`, also when two requests race). */
  create(actor: Actor, input: UserAttributeCreateInput): Promise<UserAttribute> {
    checkName(input.name);
    checkType(input.dataType);
    const label = input.label ?? input.name;
    checkLabel(label);
    const defaultValue = checkDefault(input.dataType, input.defaultValue);
    return writeUnique(this.store, async (repos) => {
      const at = new Date().toISOString();
      const id = randomUUID();
      await repos.userAttributes.create({
        id, workspace_id: actor.workspaceId, name: input.name, label, data_type: input.dataType,
        default_value: defaultValue === null ? null : toJson(defaultValue), created_at: at, updated_at: at,
      });
      await recordAudit(repos, {
        action: 'user_attribute.created', target: { type: 'user_attribute', id }, workspaceId: actor.workspaceId,
        changes: { name: input.name, label, dataType: input.dataType, defaultValue },
      });
      return toUserAttribute(await loadDefinition(repos, actor.workspaceId, id));
    }, () => nameTaken(input.name));
  }

  /**
   * Changes label and defaultValue; members' stored values are left as they are. Values
   * equal to the current ones change nothing and record nothing.
   */
  update(actor: Actor, id: string, input: UserAttributeUpdateInput): Promise<UserAttribute> {
    if (input.label !== undefined) checkLabel(input.label);
    return this.store.write(async (repos) => {
      const row = await loadDefinition(repos, actor.workspaceId, id);
      if (input.name !== undefined && input.name !== row.name) throw invalidInput('name', 'is fixed after creation', 'immutable_field');
      if (input.dataType !== undefined && input.dataType !== row.data_type) {
        throw invalidInput('dataType', 'is fixed after creation', 'immutable_field');
      }
      const before = toUserAttribute(row);
      const defaultValue = input.defaultValue === undefined ? undefined : checkDefault(row.data_type, input.defaultValue);
      const changes = changedFields(before, { label: input.label, defaultValue });
      if (!isEmpty(changes)) {
        await repos.userAttributes.update(id, {
          label: input.label,
          default_value: defaultValue === undefined ? undefined : defaultValue === null ? null : toJson(defaultValue),
          updated_at: new Date().toISOString(),
        });
        await recordAudit(repos, { action: 'user_attribute.updated', target: { type: 'user_attribute', id }, workspaceId: actor.workspaceId, changes });
      }
      return toUserAttribute(await loadDefinition(repos, actor.workspaceId, id));
    });
  }

  /**
   * Removes the definition and, when `clearValues`, every member's value of it, in one
   * transaction. Kept values stay on the members and reappear should the name be defined again.
   */
  delete(actor: Actor, id: string, options: { clearValues: boolean }): Promise<void> {
    return this.store.write(async (repos) => {
      const row = await loadDefinition(repos, actor.workspaceId, id);
      await repos.userAttributes.delete(id);
      if (options.clearValues) await repos.userAttributes.clearValues(actor.workspaceId, row.name);
      await recordAudit(repos, {
        action: 'user_attribute.deleted', target: { type: 'user_attribute', id }, workspaceId: actor.workspaceId,
        changes: { clearValues: options.clearValues },
      });
    });
  }
}

function toUserAttribute(row: UserAttributeDefinitionRow): UserAttribute {
  return {
    id: row.id,
    name: row.name,
    label: row.label,
    dataType: row.data_type,
    defaultValue: row.default_value === null ? null : fromJson<unknown>(row.default_value),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

async function loadDefinition(repos: Repositories, workspaceId: string, id: string): Promise<UserAttributeDefinitionRow> {
  const row = await repos.userAttributes.get(workspaceId, id);
  if (!row) throw notFound('attribute', id);
  return row;
}

function nameTaken(name: string): DomainError {
  return conflict('attribute_name_taken', `A user attribute named ${name} already exists in this workspace`, 'name');
}

function checkName(name: string): void {
  if (name.length === 0 || name.length > ATTRIBUTE_NAME_MAX_LENGTH || !ATTRIBUTE_NAME_PATTERN.test(name)) {
    throw invalidInput('name', `must be 1 to ${ATTRIBUTE_NAME_MAX_LENGTH} characters of a-z, 0-9 and _`);
  }
}

function checkLabel(label: string): void {
  if (label.length === 0 || label.length > ATTRIBUTE_LABEL_MAX_LENGTH) {
    throw invalidInput('label', `must be 1 to ${ATTRIBUTE_LABEL_MAX_LENGTH} characters`);
  }
}

function checkType(type: string): void {
  if (!(ATTRIBUTE_TYPES as readonly string[]).includes(type)) throw invalidInput('dataType', `must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
}

/** The default to store (null for none); refuses one that does not fit the type. */
function checkDefault(type: AttributeType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (!fitsType(type, value)) throw invalidInput('defaultValue', `must be a ${type}`, 'invalid_attribute_value');
  return value;
}
