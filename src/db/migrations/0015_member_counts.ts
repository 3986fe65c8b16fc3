import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Each workspace's number of memberships (any role or status), kept by triggers in the
 * transaction that adds or removes them, so the member listing's total reads a few rows
 * instead of counting a million index entries. The total is the sum of a workspace's rows.
 *
 * SQLite has one writer at a time, so one row per workspace costs no concurrency. On
 * PostgreSQL a single row would make every transaction that adds a member to the workspace
 * wait for the previous one to commit; instead each connection adds to its own slot
 * (its backend's pid modulo SLOTS), so concurrent writers meet only when their pids share
 * a slot. PostgreSQL counts a statement's rows once (transition tables), so a bulk insert
 * touches one row per workspace, not one per member. A slot's row stays locked until its
 * transaction ends: two transactions adding members to the same two workspaces in opposite
 * orders, on connections sharing a slot, deadlock; PostgreSQL undoes one of them, whose
 * request is answered 503 `write_conflict`, to be sent again.
 *
 * No foreign key to workspaces: removing a workspace cascades to its memberships, whose
 * trigger would then write a row for the workspace being removed.
 */
export function memberCounts(dialect: Dialect) {
  const statements = dialect === 'postgres' ? postgresTriggers : sqliteTriggers;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('workspace_member_counts')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('slot', 'integer', (c) => c.notNull())
        .addColumn('members', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('workspace_member_counts_pkey', ['workspace_id', 'slot'])
        .execute();
      for (const statement of statements.up) await sql.raw(statement).execute(db);
      // After the triggers, so a membership written meanwhile is in the count either way: the
      // backfill's own statement sees every row and overwrites what a trigger added.
      await sql`insert into workspace_member_counts (workspace_id, slot, members)
        select workspace_id, 0, count(*) from memberships group by workspace_id
        on conflict (workspace_id, slot) do update set members = excluded.members`.execute(db);
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const statement of statements.down) await sql.raw(statement).execute(db);
      await db.schema.dropTable('workspace_member_counts').execute();
    },
  };
}

/** Concurrent PostgreSQL connections that can add members to one workspace without waiting on each other's commit. */
const SLOTS = 64;

/** `rows` (workspace_id, delta) added to the calling connection's slot of each workspace. */
const addToSlot = (rows: string) => `
  insert into workspace_member_counts as counts (workspace_id, slot, members)
  select workspace_id, pg_backend_pid() % ${SLOTS}, sum(delta) from (${rows}) as changes
  group by workspace_id order by workspace_id
  on conflict (workspace_id, slot) do update set members = counts.members + excluded.members`;

const postgresTriggers = {
  up: [
    `create function memberships_count_added() returns trigger language plpgsql as $$
     begin ${addToSlot('select workspace_id, 1 as delta from added')}; return null; end $$`,
    `create function memberships_count_removed() returns trigger language plpgsql as $$
     begin ${addToSlot('select workspace_id, -1 as delta from removed')}; return null; end $$`,
    `create function memberships_count_moved() returns trigger language plpgsql as $$
     begin ${addToSlot('select old.workspace_id as workspace_id, -1 as delta union all select new.workspace_id, 1')}; return null; end $$`,
    `create trigger memberships_count_added after insert on memberships
     referencing new table as added for each statement execute function memberships_count_added()`,
    `create trigger memberships_count_removed after delete on memberships
     referencing old table as removed for each statement execute function memberships_count_removed()`,
    `create trigger memberships_count_moved after update of workspace_id on memberships
     for each row when (old.workspace_id is distinct from new.workspace_id) execute function memberships_count_moved()`,
  ],
  down: [
    'drop trigger memberships_count_moved on memberships',
    'drop trigger memberships_count_removed on memberships',
    'drop trigger memberships_count_added on memberships',
    'drop function memberships_count_moved()',
    'drop function memberships_count_removed()',
    'drop function memberships_count_added()',
  ],
};

/** `workspace` gains `delta` members in slot 0, SQLite's only slot. */
const addToWorkspace = (workspace: string, delta: number) => `
  insert into workspace_member_counts (workspace_id, slot, members) values (${workspace}, 0, ${delta})
  on conflict (workspace_id, slot) do update set members = members + ${delta};`;

const sqliteTriggers = {
  up: [
    `create trigger memberships_count_added after insert on memberships begin ${addToWorkspace('new.workspace_id', 1)} end`,
    `create trigger memberships_count_removed after delete on memberships begin ${addToWorkspace('old.workspace_id', -1)} end`,
    `create trigger memberships_count_moved after update of workspace_id on memberships
     when old.workspace_id is not new.workspace_id
     begin ${addToWorkspace('old.workspace_id', -1)} ${addToWorkspace('new.workspace_id', 1)} end`,
  ],
  down: [
    'drop trigger memberships_count_moved',
    'drop trigger memberships_count_removed',
    'drop trigger memberships_count_added',
  ],
};
