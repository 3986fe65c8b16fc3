import type { Dialect } from './database.ts';
import { type Executor, toCount } from './executor.ts';
import { type Expression, type Insertable, type SqlBool, type Updateable, sql } from 'kysely';
import { PreparedQuery, allColumns } from './prepared-query.ts';
import type { MembershipRow, WorkspaceRow, WorkspaceTable } from './schema.ts';

/** Which workspaces a list answers; absent fields do not filter. */
export interface WorkspaceFilter {
  status?: WorkspaceRow['status'];
  /** A substring of the name, matched without regard to case. */
  nameContains?: string;
}

const COLUMNS = ['id', 'name', 'status', 'domains', 'created_at', 'updated_at'] as const;

export class WorkspaceRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Serialises rule checks that span several rows of one workspace (the last active admin)
   * until the surrounding transaction ends. PostgreSQL locks the workspace row; SQLite
   * already runs one write transaction at a time, so it needs nothing.
   */
  async lock(id: string): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.db.selectFrom('workspaces').select('id').where('id', '=', id).forUpdate().execute();
    }
  }

  /** Read by every authenticated request whose workspace is not remembered: compiled once. */
  async get(id: string): Promise<WorkspaceRow | undefined> {
    const [row] = await WORKSPACE_BY_ID.execute(this.db, this.dialect, { id });
    return row;
  }

  getByName(name: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('name', '=', name).executeTakeFirst();
  }

  /** One page of the workspaces the filter admits, oldest first (ties by id, so pages are stable). */
  list(filter: WorkspaceFilter, offset: number, limit: number): Promise<WorkspaceRow[]> {
    return this.filtered(filter)
      .select(COLUMNS)
      .orderBy('created_at')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async count(filter: WorkspaceFilter): Promise<number> {
    const row = await this.filtered(filter).select((eb) => eb.fn.countAll().as('count')).executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  private filtered(filter: WorkspaceFilter) {
    let query = this.db.selectFrom('workspaces');
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.nameContains !== undefined) query = query.where(this.nameContains(filter.nameContains));
    return query;
  }

  /**
   * `name` contains `text`, ignoring case, with `%`, `_` and `\` in `text` taken literally.
   * PostgreSQL's ILIKE folds case across Unicode; SQLite's LIKE folds ASCII letters only.
   */
  private nameContains(text: string): Expression<SqlBool> {
    const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    return this.dialect === 'postgres'
      ? sql<SqlBool>`name ilike ${pattern} escape '\\'`
      : sql<SqlBool>`name like ${pattern} escape '\\'`;
  }

  /**
   * Which of the workspaces require two-factor sign-in of every member's session. Read on
   * its own: `WorkspaceRow` leaves the column out, so the hot read by id stays as it is.
   */
  async requiringTwoFactor(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('workspaces').select('id').where('id', 'in', ids).where('two_factor_required', '=', 1).execute();
    return new Set(rows.map((row) => row.id));
  }

  /** The role new SCIM members of each workspace get, by id; read on its own for the same reason as `requiringTwoFactor`. */
  async scimDefaultRoles(ids: readonly string[]): Promise<Map<string, MembershipRow['role']>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('workspaces').select(['id', 'scim_default_role']).where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row.scim_default_role]));
  }

  async create(row: Insertable<WorkspaceTable>): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }

  async update(id: string, changes: Updateable<WorkspaceTable>): Promise<void> {
    await this.db.updateTable('workspaces').set(changes).where('id', '=', id).execute();
  }
}

const WORKSPACE_BY_ID = new PreparedQuery(['id'], (db, p) => db
  .selectFrom('workspaces')
  .select(allColumns<WorkspaceRow>()(['id', 'name', 'status', 'domains', 'created_at', 'updated_at']))
  .where('id', '=', p.id));
