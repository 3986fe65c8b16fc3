import type { Insertable, Updateable } from 'kysely';
import type { Executor } from './executor.ts';
import type { SsoConfigurationRow, SsoConfigurationTable } from './schema.ts';

const COLUMNS = [
  'workspace_id', 'issuer', 'client_id', 'client_secret', 'scopes', 'groups_claim', 'group_mappings', 'attribute_mappings',
  'allowed_domains', 'jit_enabled', 'jit_role', 'password_login_allowed', 'created_at', 'updated_at',
] as const;

/** Each workspace's OpenID Connect configuration, one row per workspace. */
export class SsoConfigurationRepository {
  constructor(private readonly db: Executor) {}

  get(workspaceId: string): Promise<SsoConfigurationRow | undefined> {
    return this.db.selectFrom('sso_configurations').select(COLUMNS).where('workspace_id', '=', workspaceId).executeTakeFirst();
  }

  async create(row: Insertable<SsoConfigurationTable>): Promise<void> {
    await this.db.insertInto('sso_configurations').values(row).execute();
  }

  async update(workspaceId: string, changes: Updateable<SsoConfigurationTable>): Promise<void> {
    await this.db.updateTable('sso_configurations').set(changes).where('workspace_id', '=', workspaceId).execute();
  }

  /** True when a configuration was removed. */
  async delete(workspaceId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sso_configurations').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Those of the given workspaces whose single sign-on refuses password sign-in. */
  async passwordRefusedIn(workspaceIds: readonly string[]): Promise<string[]> {
    if (workspaceIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('sso_configurations')
      .select('workspace_id')
      .where('workspace_id', 'in', [...workspaceIds])
      .where('password_login_allowed', '=', 0)
      .execute();
    return rows.map((row) => row.workspace_id);
  }
}
