import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { parseDatabaseUrl } from '../../src/config.ts';
import { ServerProcess, processEnv, runCli } from '../helpers/server-process.ts';
import { TEST_SECRET_KEY } from '../helpers/harness.ts';
import { createTestDatabaseUrl, testDialect } from '../helpers/test-database.ts';

let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
let env: NodeJS.ProcessEnv;
const servers: ServerProcess[] = [];

async function start(extra: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const server = await ServerProcess.start({ ...env, ...extra });
  servers.push(server);
  return server;
}

beforeEach(async () => {
  database = await createTestDatabaseUrl();
  env = { ...processEnv(database, TEST_SECRET_KEY), LOG_LEVEL: 'info' };
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  await database.drop();
});

describe(`the server process on ${testDialect()}`, () => {
  it('prints a first token once, stores only its hash, and serves /api/v1/users with it', async () => {
    const created = await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);

    const server = await start();
    const response = await fetch(`${server.baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toEqual([expect.objectContaining({ email: 'admin@example.com', isAdmin: true })]);

    const handle = openDatabase(parseDatabaseUrl(database.url, database.dataDir));
    try {
      const rows = await handle.db.selectFrom('api_tokens').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(JSON.stringify(rows)).not.toContain(token.slice(10));
    } finally {
      await handle.close();
    }
    // The token never reaches the logs, though every request is logged.
    await server.stop();
    expect(server.stdout).toContain('/api/v1/users');
    expect(server.stdout).not.toContain(token);
  });

  it('writes JSON log lines, each request line carrying its request id', async () => {
    const server = await start();
    const response = await fetch(`${server.baseUrl}/api/v1/users`, { headers: { 'x-request-id': 'trace-me-42' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('trace-me-42');
    await server.stop();
    const lines = server.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = lines.filter((line) => line.reqId === 'trace-me-42');
    expect(requestLines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('ensures the bootstrap token at every start without duplicating it', async () => {
    const bootstrap = 'bootstrap-secret-value-1234567890';
    let server = await start({ TOOLPLANE_BOOTSTRAP_TOKEN: bootstrap });
    await server.stop();
    server = await start({ TOOLPLANE_BOOTSTRAP_TOKEN: bootstrap });
    const response = await fetch(`${server.baseUrl}/api/v1/groups`, { headers: { authorization: `Bearer ${bootstrap}` } });
    expect(response.status).toBe(200);
    const handle = openDatabase(parseDatabaseUrl(database.url, database.dataDir));
    try {
      expect(await handle.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    const created = await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], env);
    const token = created.stdout.trim();
    const server = await start();
    const body = JSON.stringify({ email: 'late@example.com', firstName: 'Late' });
    const url = new URL(`${server.baseUrl}/api/v1/users`);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      // Send half the body, signal the server, then finish the body.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(10)), 300);
      }, 300);
    });
    const result = await answer;
    expect(result.status).toBe(201);
    expect(JSON.parse(result.text).email).toBe('late@example.com');
    expect(await server.exited).toBe(0);
    expect(server.stdout).toContain('shutting down');
  });

  it('refuses to start with a secret key other than the one the database was set up with', async () => {
    const server = await start({ TOOLPLANE_SECRET_KEY: TEST_SECRET_KEY });
    await server.stop();
    const other = 'f'.repeat(64);
    const failed = await runCli(['migrate'], { ...env, TOOLPLANE_SECRET_KEY: other });
    expect(failed.code).toBe(0); // migrate does not touch secrets
    const serve = await runCli(['tokens', 'create', '--name', 'x', '--email', 'x@example.com'], { ...env, TOOLPLANE_SECRET_KEY: other });
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain('secret key does not match');
  });

  it('explains a bad tokens create instead of failing with a stack trace', async () => {
    const unknownWorkspace = await runCli(
      ['tokens', 'create', '--name', 'x', '--email', 'x@example.com', '--workspace', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknownWorkspace.code).toBe(1);
    expect(unknownWorkspace.stderr).toContain('no workspace with id');
    const badScope = await runCli(['tokens', 'create', '--name', 'x', '--email', 'x@example.com', '--scopes', 'users:admin'], env);
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain('unknown scope(s): users:admin');
    const badEmail = await runCli(['tokens', 'create', '--name', 'x', '--email', 'not-an-email'], env);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain('is not an email address');
  });
});
