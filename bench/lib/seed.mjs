// Seeds benchmark data straight into a migrated database, with set-based SQL: a million
// users take seconds this way. Ids are deterministic UUIDs, so scenarios can name them.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

const AT = '2026-01-01T00:00:00.000Z';

/** The UUID of the n-th seeded user (n from 1). */
export function userId(n) {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function workspaceUuid(n) {
  return `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

/**
 * A connection to the bench database. `exec` and `all` take the statement in both dialects
 * and the parameters of each (SQLite's `?` are positional, PostgreSQL's `$n` reusable).
 */
export async function connect(target) {
  if (target.dialect === 'sqlite') {
    const db = new SqliteDatabase(target.file);
    db.pragma('journal_mode = WAL');
    return {
      async exec(sqliteSql, _pgSql, params = []) {
        return db.prepare(sqliteSql).run(...params);
      },
      async all(sqliteSql, _pgSql, params = []) {
        return db.prepare(sqliteSql).all(...params);
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return {
    async exec(_sqliteSql, pgSql, sqliteParams = [], pgParams = sqliteParams) {
      return client.query(pgSql, pgParams);
    },
    async all(_sqliteSql, pgSql, params = []) {
      return (await client.query(pgSql, params)).rows;
    },
    async close() {
      await client.end();
    },
  };
}

/** The default workspace's id, which the server created on its first start. */
export async function defaultWorkspace(db) {
  const [row] = await db.all(
    "select value from settings where key = 'default_workspace_id'",
    "select value from settings where key = 'default_workspace_id'",
  );
  return row.value;
}

/** Adds users `from`..`to` (inclusive) as active end-user members of `workspaceId`. */
export async function seedMembers(db, workspaceId, from, to) {
  await db.exec(
    `with recursive seq(n) as (select ? union all select n + 1 from seq where n < ?)
     insert into users (id, email, first_name, last_name, status, default_workspace_id, created_at, updated_at)
     select printf('00000000-0000-4000-8000-%012d', n), 'user' || n || '@bench.example', 'First' || n, 'Last' || n,
            'active', ?, ?, ? from seq`,
    `insert into users (id, email, first_name, last_name, status, default_workspace_id, created_at, updated_at)
     select '00000000-0000-4000-8000-' || lpad(n::text, 12, '0'), 'user' || n || '@bench.example', 'First' || n, 'Last' || n,
            'active', $3, $4, $4 from generate_series($1::int, $2::int) as n`,
    [from, to, workspaceId, AT, AT],
    [from, to, workspaceId, AT],
  );
  await addMemberships(db, workspaceId, from, to, 1, 0);
}

/** Makes users `from`..`to` whose number n satisfies n % every == remainder members of `workspaceId`. */
async function addMemberships(db, workspaceId, from, to, every, remainder) {
  await db.exec(
    `with recursive seq(n) as (select ? union all select n + 1 from seq where n < ?)
     insert into memberships (workspace_id, user_id, role, status, created_at, updated_at)
     select ?, printf('00000000-0000-4000-8000-%012d', n), 'end-user', 'active', ?, ? from seq where n % ? = ?`,
    `insert into memberships (workspace_id, user_id, role, status, created_at, updated_at)
     select $3, '00000000-0000-4000-8000-' || lpad(n::text, 12, '0'), 'end-user', 'active', $4, $4
     from generate_series($1::int, $2::int) as n where n % $5 = $6`,
    [from, to, workspaceId, AT, AT, every, remainder],
    [from, to, workspaceId, AT, every, remainder],
  );
}

/**
 * The ToolJet listing's data set: `users` accounts spread over `workspaces` workspaces (each
 * user in two), each workspace with four groups and every member in one of them.
 */
export async function seedWorkspacesWithGroups(db, defaultWorkspaceId, users, workspaces) {
  const ids = [defaultWorkspaceId];
  for (let w = 2; w <= workspaces; w += 1) {
    ids.push(workspaceUuid(w));
    await db.exec(
      'insert into workspaces (id, name, status, created_at, updated_at) values (?, ?, ?, ?, ?)',
      'insert into workspaces (id, name, status, created_at, updated_at) values ($1, $2, $3, $4, $5)',
      [workspaceUuid(w), `Workspace ${w}`, 'active', AT, AT],
    );
  }
  await seedMembers(db, ids[0], 1, users);
  // Everyone is in the default workspace; each user is also in one other, by number.
  for (let w = 1; w < ids.length; w += 1) await addMemberships(db, ids[w], 1, users, ids.length - 1, w - 1);
  for (const [index, workspaceId] of ids.entries()) {
    for (let g = 0; g < 4; g += 1) {
      await db.exec(
        'insert into groups (uuid, workspace_id, name, created_at, updated_at) values (?, ?, ?, ?, ?)',
        'insert into groups (uuid, workspace_id, name, created_at, updated_at) values ($1, $2, $3, $4, $5)',
        [`00000000-0000-4000-a000-${String(index * 10 + g).padStart(12, '0')}`, workspaceId, `group-${g}`, AT, AT],
      );
    }
    await db.exec(
      `insert into group_members (group_id, user_id, created_at)
       select g.id, m.user_id, ? from memberships m
       join groups g on g.workspace_id = m.workspace_id
        and g.name = 'group-' || (cast(substr(m.user_id, 25) as integer) % 4)
       where m.workspace_id = ? and m.user_id like '00000000-0000-4000-8000-%'`,
      `insert into group_members (group_id, user_id, created_at)
       select g.id, m.user_id, $1 from memberships m
       join groups g on g.workspace_id = m.workspace_id
        and g.name = 'group-' || (substr(m.user_id, 25)::int % 4)
       where m.workspace_id = $2 and m.user_id like '00000000-0000-4000-8000-%'`,
      [AT, workspaceId],
    );
  }
}
