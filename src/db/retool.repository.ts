import type { Executor } from './executor.ts';
import { fromJson, toJson } from './rows.ts';

/** Ids per statement: far below SQLite's limit on bound parameters, whatever the list's length. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

export interface MemberExtrasRow {
  legacyId: number | undefined;
  metadata: Record<string, unknown>;
  twoFactor: boolean;
}

/**
 * What Retool's API v2 stores beyond the shared model (migration 0013): small integer ids
 * for UUID-named objects, resource configuration ids, group settings and member metadata.
 */
export class RetoolRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The integer of each local id of the kind, giving one to those that have none yet. A
   * number, once given, never changes and is never given to another object.
   */
  async legacyIds(kind: string, localIds: readonly string[]): Promise<Map<string, number>> {
    const unique = [...new Set(localIds)];
    if (unique.length === 0) return new Map();
    const found = await this.findLegacyIds(kind, unique);
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length === 0) return found;
    for (const chunk of chunks(missing)) {
      await this.db.insertInto('retool_legacy_ids').values(chunk.map((local_id) => ({ kind, local_id })))
        .onConflict((conflict) => conflict.columns(['kind', 'local_id']).doNothing()).execute();
    }
    return this.findLegacyIds(kind, unique);
  }

  /** The integers the local ids of the kind already have; those without one are absent. */
  async findLegacyIds(kind: string, localIds: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const chunk of chunks(localIds)) {
      const rows = await this.db.selectFrom('retool_legacy_ids').select(['id', 'local_id'])
        .where('kind', '=', kind).where('local_id', 'in', chunk).execute();
      for (const row of rows) found.set(row.local_id, Number(row.id));
    }
    return found;
  }

  /** The local id the integer was given to, for one of `kinds`. */
  async byLegacyId(kinds: readonly string[], id: number): Promise<{ kind: string; localId: string } | undefined> {
    const row = await this.db.selectFrom('retool_legacy_ids').select(['kind', 'local_id'])
      .where('id', '=', id).where('kind', 'in', kinds).executeTakeFirst();
    return row ? { kind: row.kind, localId: row.local_id } : undefined;
  }

  /** The configuration id of each (resource, environment) pair given one; `create` names new ones. */
  async configurationIds(resourceId: string, environmentIds: readonly string[]): Promise<Map<string, string>> {
    if (environmentIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('retool_resource_configuration_ids').select(['id', 'environment_id'])
      .where('resource_id', '=', resourceId).where('environment_id', 'in', environmentIds).execute();
    return new Map(rows.map((row) => [row.environment_id, row.id]));
  }

  async createConfigurationId(id: string, resourceId: string, environmentId: string): Promise<void> {
    await this.db.insertInto('retool_resource_configuration_ids').values({ id, resource_id: resourceId, environment_id: environmentId })
      .onConflict((conflict) => conflict.columns(['resource_id', 'environment_id']).doNothing()).execute();
  }

  getConfigurationId(id: string): Promise<{ resource_id: string; environment_id: string } | undefined> {
    return this.db.selectFrom('retool_resource_configuration_ids').select(['resource_id', 'environment_id']).where('id', '=', id).executeTakeFirst();
  }

  /**
   * What Retool shows of each account beside the member: its user integer (absent when it has
   * none yet), its metadata in the workspace and whether two-factor sign-in is on, read in one
   * statement for a page's accounts.
   */
  async memberExtras(workspaceId: string, userIds: readonly string[]): Promise<Map<string, MemberExtrasRow>> {
    const found = new Map<string, MemberExtrasRow>();
    for (const chunk of chunks(userIds)) {
      const rows = await this.db.selectFrom('users as u')
        .leftJoin('retool_legacy_ids as l', (join) => join.on('l.kind', '=', 'user').onRef('l.local_id', '=', 'u.id'))
        .leftJoin('retool_user_metadata as md', (join) => join.on('md.workspace_id', '=', workspaceId).onRef('md.user_id', '=', 'u.id'))
        .select(['u.id', 'l.id as legacy_id', 'md.metadata', 'u.totp_enabled_at'])
        .where('u.id', 'in', chunk)
        .execute();
      for (const row of rows) {
        found.set(row.id, {
          legacyId: row.legacy_id === null ? undefined : Number(row.legacy_id),
          metadata: row.metadata === null ? {} : fromJson<Record<string, unknown>>(row.metadata),
          twoFactor: row.totp_enabled_at !== null,
        });
      }
    }
    return found;
  }

  async groupSettings(groupIds: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
    const found = new Map<number, Record<string, unknown>>();
    for (const chunk of chunks(groupIds)) {
      const rows = await this.db.selectFrom('retool_group_settings').select(['group_id', 'settings']).where('group_id', 'in', chunk).execute();
      for (const row of rows) found.set(Number(row.group_id), fromJson<Record<string, unknown>>(row.settings));
    }
    return found;
  }

  async setGroupSettings(groupId: number, settings: Record<string, unknown>): Promise<void> {
    await this.db.insertInto('retool_group_settings').values({ group_id: groupId, settings: toJson(settings) })
      .onConflict((conflict) => conflict.column('group_id').doUpdateSet({ settings: toJson(settings) })).execute();
  }

  async userMetadata(workspaceId: string, userIds: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>();
    for (const chunk of chunks(userIds)) {
      const rows = await this.db.selectFrom('retool_user_metadata').select(['user_id', 'metadata'])
        .where('workspace_id', '=', workspaceId).where('user_id', 'in', chunk).execute();
      for (const row of rows) found.set(row.user_id, fromJson<Record<string, unknown>>(row.metadata));
    }
    return found;
  }

  async setUserMetadata(workspaceId: string, userId: string, metadata: Record<string, unknown>): Promise<void> {
    await this.db.insertInto('retool_user_metadata').values({ workspace_id: workspaceId, user_id: userId, metadata: toJson(metadata) })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'user_id']).doUpdateSet({ metadata: toJson(metadata) })).execute();
  }

  getSettings(workspaceId: string, kind: string) {
    return this.db.selectFrom('retool_settings').select(['settings', 'secrets', 'created_at', 'updated_at'])
      .where('workspace_id', '=', workspaceId).where('kind', '=', kind).executeTakeFirst();
  }

  /** Creates or replaces the settings of a kind; true when they were new. */
  async putSettings(workspaceId: string, kind: string, settings: Record<string, unknown>, secrets: Record<string, string>, at: string): Promise<boolean> {
    const changed = await this.db.updateTable('retool_settings').set({ settings: toJson(settings), secrets: toJson(secrets), updated_at: at })
      .where('workspace_id', '=', workspaceId).where('kind', '=', kind).executeTakeFirst();
    if (Number(changed.numUpdatedRows) > 0) return false;
    await this.db.insertInto('retool_settings').values({
      workspace_id: workspaceId, kind, settings: toJson(settings), secrets: toJson(secrets), created_at: at, updated_at: at,
    }).execute();
    return true;
  }

  async deleteSettings(workspaceId: string, kind: string): Promise<boolean> {
    const result = await this.db.deleteFrom('retool_settings').where('workspace_id', '=', workspaceId).where('kind', '=', kind).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
