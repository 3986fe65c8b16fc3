import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import { PreparedQuery } from './prepared-query.ts';
import { fromJson, toJson } from './rows.ts';
import type { UserAttributeDefinitionRow, UserAttributeDefinitionTable } from './schema.ts';

/** Attribute definitions of a workspace, and the values members hold (memberships.attributes). */
export class UserAttributeRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  /** The workspace's definitions by name; read by every user answer, so compiled once. */
  list(workspaceId: string): Promise<UserAttributeDefinitionRow[]> {
    return DEFINITIONS_OF_WORKSPACE.execute(this.db, this.dialect, { workspaceId });
  }

  get(workspaceId: string, id: string): Promise<UserAttributeDefinitionRow | undefined> {
    return definitionsIn(this.db, this.dialect).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  async create(row: Insertable<UserAttributeDefinitionTable>): Promise<void> {
    await this.db.insertInto('user_attribute_definitions').values(row).execute();
  }

  async update(id: string, changes: Updateable<UserAttributeDefinitionTable>): Promise<void> {
    await this.db.updateTable('user_attribute_definitions').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('user_attribute_definitions').where('id', '=', id).execute();
  }

  /** The attribute values a member holds in the workspace (without defaults). */
  async valuesOf(workspaceId: string, userId: string): Promise<Record<string, unknown>> {
    const row = await this.db
      .selectFrom('memberships')
      .select('attributes')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? fromJson<Record<string, unknown>>(row.attributes) : {};
  }

  /** The stored values of many members at once. */
  async valuesOfMany(workspaceId: string, userIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const result = new Map<string, Record<string, unknown>>();
    if (userIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('memberships')
      .select(['user_id', 'attributes'])
      .where('workspace_id', '=', workspaceId)
      .where('user_id', 'in', userIds)
      .execute();
    for (const row of rows) result.set(row.user_id, fromJson<Record<string, unknown>>(row.attributes));
    return result;
  }

  async setValues(workspaceId: string, userId: string, values: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ attributes: toJson(values) })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Removes one attribute's value from every member of the workspace, in one statement. */
  async clearValues(workspaceId: string, name: string): Promise<void> {
    const removed = this.dialect === 'postgres'
      ? sql<string>`attributes - ${name}`
      : sql<string>`json_remove(attributes, ${`$."${name}"`})`;
    await this.db.updateTable('memberships').set({ attributes: removed }).where('workspace_id', '=', workspaceId).execute();
  }
}

/**
 * Definitions with default_value as JSON text on both databases (read it with fromJson).
 * PostgreSQL hands jsonb back parsed, and a parsed string default such as `eu` could not
 * be told apart from JSON text, so it is read as text there.
 */
function definitionsIn(db: Executor, dialect: Dialect) {
  const defaultValue = dialect === 'postgres' ? sql<string | null>`default_value::text` : sql<string | null>`default_value`;
  return db
    .selectFrom('user_attribute_definitions')
    .select(['id', 'workspace_id', 'name', 'label', 'data_type', defaultValue.as('default_value'), 'created_at', 'updated_at']);
}

const DEFINITIONS_OF_WORKSPACE = new PreparedQuery(['workspaceId'], (db, p, dialect) => definitionsIn(db, dialect)
  .where('workspace_id', '=', p.workspaceId)
  .orderBy('name'));
