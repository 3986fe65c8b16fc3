import type { Executor } from './executor.ts';
import { fromJson } from './rows.ts';
import type { AppRow, AppVersionRow, MembershipRow, PermissionGrantRow } from './schema.ts';

/** An app, resource or workflow by its name, for objects a configuration file names. */
export interface NamedObjectRow {
  type: 'app' | 'resource' | 'workflow';
  id: string;
  name: string;
}

/** A member as configuration as code compares it: names as the workspace shows them, stored attribute values. */
export interface MemberStateRow {
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: MembershipRow['role'];
  status: MembershipRow['status'];
  attributes: Record<string, unknown>;
}

/**
 * Whole-workspace reads for `toolplane plan`: each answers in one statement however many
 * rows there are, so a plan of ten thousand members costs a handful of round trips.
 */
export class ConfigStateRepository {
  constructor(private readonly db: Executor) {}

  /** Every member of the workspace, oldest membership first. */
  async members(workspaceId: string): Promise<MemberStateRow[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select((eb) => [
        'users.id as user_id',
        'users.email as email',
        eb.fn.coalesce('memberships.first_name', 'users.first_name').as('first_name'),
        eb.fn.coalesce('memberships.last_name', 'users.last_name').as('last_name'),
        'memberships.role as role',
        'memberships.status as status',
        'memberships.attributes as attributes',
      ])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('memberships.created_at')
      .orderBy('users.id')
      .execute();
    return rows.map((row) => ({ ...row, attributes: fromJson<Record<string, unknown>>(row.attributes) }));
  }

  /** Every (group, user) pair of the workspace's groups. */
  groupMembers(workspaceId: string): Promise<Array<{ group_id: number; user_id: string }>> {
    return this.db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.group_id', 'group_members.user_id'])
      .where('groups.workspace_id', '=', workspaceId)
      .execute();
  }

  /** Every per-environment configuration of the workspace's resources. */
  resourceConfigurations(workspaceId: string): Promise<Array<{ resource_id: string; environment_id: string; options: unknown; secrets: unknown }>> {
    return this.db.selectFrom('resource_configurations').innerJoin('resources', 'resources.id', 'resource_configurations.resource_id')
      .select(['resource_configurations.resource_id', 'resource_configurations.environment_id', 'resource_configurations.options', 'resource_configurations.secrets'])
      .where('resources.workspace_id', '=', workspaceId).execute();
  }

  /** Every app of the workspace, oldest first. */
  apps(workspaceId: string): Promise<Array<Pick<AppRow, 'id' | 'name' | 'description' | 'folder_id'>>> {
    return this.db.selectFrom('apps').select(['id', 'name', 'description', 'folder_id'])
      .where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
  }

  /** Every version of every app of the workspace, with its definition, oldest first per app. */
  appVersions(workspaceId: string): Promise<AppVersionRow[]> {
    return this.db.selectFrom('app_versions').innerJoin('apps', 'apps.id', 'app_versions.app_id').selectAll('app_versions')
      .where('apps.workspace_id', '=', workspaceId).orderBy('app_versions.created_at').orderBy('app_versions.id').execute();
  }

  /** Every permission grant of the workspace. */
  grants(workspaceId: string): Promise<PermissionGrantRow[]> {
    return this.db.selectFrom('permission_grants').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  }

  /** Every app, resource and workflow of the workspace with its name, oldest first. */
  async namedObjects(workspaceId: string): Promise<NamedObjectRow[]> {
    const of = (table: NamedObjectRow['type']) => this.db.selectFrom(`${table}s`).select(['id', 'name'])
      .where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute()
      .then((rows) => rows.map((row) => ({ type: table, id: row.id, name: row.name })));
    return (await Promise.all([of('app'), of('resource'), of('workflow')])).flat();
  }
}
