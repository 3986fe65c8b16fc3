import { openDatabase, type DatabaseHandle } from '../../../src/db/database.ts';
import { parseDatabaseUrl } from '../../../src/config.ts';
import { TEST_SECRET_KEY } from '../../helpers/harness.ts';
import { ServerProcess, processEnv, runCli } from '../../helpers/server-process.ts';
import { createTestDatabaseUrl } from '../../helpers/test-database.ts';

/** One reply as a client saw it; `status` 0 means the connection failed before an answer. */
export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
  ms: number;
  error?: string;
}

/**
 * A fresh database for server processes started by a reliability test, the environment
 * they share (one secret key on both dialects, rate limits off, quiet logs), and an admin
 * token made by the CLI before any server runs.
 */
export class Cluster {
  readonly servers: ServerProcess[] = [];
  private handle: DatabaseHandle | undefined;

  private constructor(
    readonly database: Awaited<ReturnType<typeof createTestDatabaseUrl>>,
    readonly env: NodeJS.ProcessEnv,
    readonly token: string,
  ) {}

  static async create(extraEnv: NodeJS.ProcessEnv = {}): Promise<Cluster> {
    const database = await createTestDatabaseUrl();
    const env: NodeJS.ProcessEnv = {
      ...processEnv(database, TEST_SECRET_KEY),
      TOOLPLANE_SECRET_KEY: TEST_SECRET_KEY,
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    };
    const created = await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], env);
    if (created.code !== 0) throw new Error(`tokens create failed: ${created.stderr}`);
    return new Cluster(database, env, created.stdout.trim());
  }

  async start(): Promise<ServerProcess> {
    const server = await ServerProcess.start(this.env);
    this.servers.push(server);
    return server;
  }

  /** A direct connection to the database, for checks the API cannot make (orphans, ciphertexts). */
  db(): DatabaseHandle {
    this.handle ??= openDatabase(parseDatabaseUrl(this.database.url, this.database.dataDir));
    return this.handle;
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((server) => server.stop()));
    await this.handle?.close();
    await this.database.drop();
  }
}

/** Sends one native API request; never throws, and gives up after `timeoutMs`. */
export async function call<T = any>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  options: { timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path.startsWith('/api') || path.startsWith('/readyz') ? path : `/api/v1${path}`}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Left as text.
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers, ms: Date.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { status: 0, body: undefined as T, text: '', headers: new Headers(), ms: Date.now() - started, error: `${(error as Error).name}: ${(error as Error).message}${cause?.code ? ` (${cause.code})` : ''}` };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts of each status in `replies`, for readable assertion messages. */
export function statusCounts(replies: Reply[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const reply of replies) counts[reply.status] = (counts[reply.status] ?? 0) + 1;
  return counts;
}
