import type { UserAttributeDefinitionRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { fromJson } from '../db/rows.ts';
import { invalidInput } from './errors.ts';

export type AttributeType = UserAttributeDefinitionRow['data_type'];

/** Whether `value` fits the attribute's type; null clears a value and fits every type. */
export function fitsType(type: AttributeType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return value !== undefined;
  }
}

/**
 * Checks values against the workspace's attribute definitions: every name must be defined
 * and every value of its type. Throws invalid_input naming `<field>.<attribute>`.
 */
export async function checkAttributeValues(
  repos: Repositories,
  workspaceId: string,
  values: Record<string, unknown>,
  field = 'attributes',
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  checkValuesAgainst(await repos.userAttributes.list(workspaceId), values, field);
}

/** `checkAttributeValues` against definitions already read. */
export function checkValuesAgainst(rows: readonly UserAttributeDefinitionRow[], values: Record<string, unknown>, field = 'attributes'): void {
  if (Object.keys(values).length === 0) return;
  const definitions = new Map(rows.map((row) => [row.name, row]));
  for (const [name, value] of Object.entries(values)) {
    const definition = definitions.get(name);
    if (!definition) throw invalidInput(`${field}.${name}`, `no user attribute named ${name} in this workspace`, 'unknown_attribute');
    if (!fitsType(definition.data_type, value)) {
      throw invalidInput(`${field}.${name}`, `must be a ${definition.data_type}`, 'invalid_attribute_value');
    }
  }
}

/** The values a new member stores (null sets nothing), as an audit event's `attributes` when there are any. */
export function attributesOf(values: Record<string, unknown> | undefined): { attributes?: Record<string, unknown> } {
  const set = Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== null));
  return Object.keys(set).length === 0 ? {} : { attributes: set };
}

/**
 * Sets the given values on a member (checked first), keeping values not named; a null
 * value removes that attribute's value. Call inside the write transaction.
 */
export async function setAttributeValues(
  repos: Repositories,
  workspaceId: string,
  userId: string,
  values: Record<string, unknown>,
  field = 'attributes',
): Promise<void> {
  await checkAttributeValues(repos, workspaceId, values, field);
  const next = { ...(await repos.userAttributes.valuesOf(workspaceId, userId)) };
  for (const [name, value] of Object.entries(values)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  await repos.userAttributes.setValues(workspaceId, userId, next);
}

/** A member's values with each definition's default filled in where the member has none. */
export function withDefaults(definitions: UserAttributeDefinitionRow[], values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const definition of definitions) {
    const defaultValue = definition.default_value === null ? null : fromJson<unknown>(definition.default_value);
    if (defaultValue !== null && defaultValue !== undefined) result[definition.name] = defaultValue;
  }
  return { ...result, ...values };
}
