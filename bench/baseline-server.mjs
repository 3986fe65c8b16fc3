// The benchmarks' baseline: the same HTTP framework and database driver as Toolplane,
// answering the same queries with no Toolplane code (no authentication, no validation
// layer, no services). BENCH_SQLITE_FILE or DATABASE_URL picks the database;
// BENCH_WORKSPACE_ID the workspace.
import { randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

const workspaceId = process.env.BENCH_WORKSPACE_ID;
const MEMBER = `select users.*, memberships.role as role, memberships.status as membership_status, memberships.created_at as joined_at
  from users inner join memberships on memberships.user_id = users.id where memberships.workspace_id = ?`;
// Toolplane's single-user read: the member, one row per group of theirs here, and attribute values.
const MEMBER_DETAIL = `select users.*, memberships.role as role, memberships.status as membership_status, memberships.created_at as joined_at,
  memberships.attributes as attributes, groups.id as group_id, groups.name as group_name
  from users inner join memberships on memberships.user_id = users.id
  left join group_members on group_members.user_id = users.id
  left join groups on groups.id = group_members.group_id and groups.workspace_id = memberships.workspace_id
  where memberships.workspace_id = ? and users.id = ?`;
// On SQLite Toolplane writes each parameter as `+?`, so the statement is planned once
// (src/db/sqlite-plan-stable-dialect.ts); the baseline's statement is written the same way.
const SQLITE_MEMBER_DETAIL = MEMBER_DETAIL.replaceAll('?', '+?');

function sqliteQueries(file) {
  const db = new SqliteDatabase(file);
  // The connection settings Toolplane opens SQLite with (src/db/database.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const member = db.prepare(SQLITE_MEMBER_DETAIL);
  const page = db.prepare(`${MEMBER} order by memberships.created_at, users.id limit ? offset ?`);
  const count = db.prepare('select count(*) as count from memberships where workspace_id = ?');
  const insertUser = db.prepare(`insert into users (id, email, first_name, last_name, status, created_at, updated_at) values (?, ?, ?, ?, 'active', ?, ?)`);
  const insertMembership = db.prepare(`insert into memberships (workspace_id, user_id, role, status, created_at, updated_at) values (?, ?, 'builder', 'active', ?, ?)`);
  const create = db.transaction((id, email, at) => {
    insertUser.run(id, email, '', '', at, at);
    insertMembership.run(workspaceId, id, at, at);
  });
  return {
    member: async (id) => member.all(workspaceId, id),
    page: async (limit, offset) => ({ rows: page.all(workspaceId, limit, offset), total: count.get(workspaceId).count }),
    create: async (id, email, at) => create(id, email, at),
  };
}

function postgresQueries(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const numbered = (text) => { let i = 0; return text.replace(/\?/g, () => `$${++i}`); };
  return {
    // Prepared on each connection, as Toolplane's own statement is: planning a four-table join costs more than running it.
    member: async (id) => (await pool.query({ name: 'member_detail', text: numbered(MEMBER_DETAIL), values: [workspaceId, id] })).rows,
    page: async (limit, offset) => {
      const [rows, count] = await Promise.all([
        pool.query(numbered(`${MEMBER} order by memberships.created_at, users.id limit ? offset ?`), [workspaceId, limit, offset]),
        pool.query('select count(*) as count from memberships where workspace_id = $1', [workspaceId]),
      ]);
      return { rows: rows.rows, total: Number(count.rows[0].count) };
    },
    create: async (id, email, at) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`insert into users (id, email, first_name, last_name, status, created_at, updated_at) values ($1, $2, '', '', 'active', $3, $3)`, [id, email, at]);
        await client.query(`insert into memberships (workspace_id, user_id, role, status, created_at, updated_at) values ($1, $2, 'builder', 'active', $3, $3)`, [workspaceId, id, at]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const queries = process.env.BENCH_SQLITE_FILE ? sqliteQueries(process.env.BENCH_SQLITE_FILE) : postgresQueries(process.env.DATABASE_URL);
const present = (row) => ({ id: row.id, email: row.email, firstName: row.first_name, lastName: row.last_name, role: row.role, createdAt: row.created_at });

const app = Fastify({ logger: false });
app.get('/ready', async () => ({ ok: true }));
app.get('/users/:id', async (request, reply) => {
  const rows = await queries.member(request.params.id);
  if (rows.length === 0) return reply.code(404).send({ message: 'not found' });
  const groups = rows.filter((row) => row.group_id !== null).map((row) => ({ id: row.group_id, name: row.group_name }));
  return { ...present(rows[0]), groups };
});
app.get('/users', async (request) => {
  const page = Number(request.query.page ?? 1);
  const pageSize = Number(request.query.pageSize ?? 100);
  const { rows, total } = await queries.page(pageSize, (page - 1) * pageSize);
  return { data: rows.map(present), total, page, pageSize };
});
app.post('/users', async (request, reply) => {
  const id = randomUUID();
  await queries.create(id, request.body.email, new Date().toISOString());
  return reply.code(201).send({ id, email: request.body.email });
});
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 3001) });
