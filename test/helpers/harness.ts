import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Config, DEFAULT_RATE_LIMIT, DEFAULT_SESSION } from '../../src/config.ts';
import type { Actor } from '../../src/core/actor.ts';
import type { Scope } from '../../src/core/scopes.ts';
import { buildApp } from '../../src/http/app.ts';
import { type Runtime, openRuntime } from '../../src/runtime/runtime.ts';
import { type TestDatabase, createTestDatabase } from './test-database.ts';

export const TEST_SECRET_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
export const ADMIN_EMAIL = 'admin@example.com';
/** The ToolJet dialect's access token in tests: `Authorization: Basic <EXTERNAL_TOKEN>`. */
export const EXTERNAL_TOKEN = 'external-test-token-0123456789';

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  workspaceId?: string;
}

/**
 * A running Toolplane on a fresh database (SQLite or PostgreSQL, per the vitest project),
 * driven in-process through Fastify's inject: one per test file.
 */
export class Harness {
  private constructor(
    readonly runtime: Runtime,
    readonly app: FastifyInstance,
    readonly database: TestDatabase,
    /** An instance-wide token with every scope, acting for ADMIN_EMAIL. */
    readonly adminToken: string,
    readonly defaultWorkspaceId: string,
  ) {}

  static async start(overrides: Partial<Config> = {}): Promise<Harness> {
    const database = await createTestDatabase();
    const config: Config = {
      host: '127.0.0.1',
      port: 0,
      dataDir: database.dataDir,
      database: database.config,
      secretKey: TEST_SECRET_KEY,
      bootstrapEmail: ADMIN_EMAIL,
      logLevel: 'silent',
      publicUrl: 'http://toolplane.test',
      externalApi: { enabled: true, accessToken: EXTERNAL_TOKEN },
      // Budgets no other test reaches; rate-limit tests set their own. Invite accepts keep theirs.
      rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000 },
      session: DEFAULT_SESSION,
      ...overrides,
    };
    let runtime: Runtime;
    try {
      runtime = await openRuntime(config);
    } catch (error) {
      await database.drop();
      throw error;
    }
    const app = await buildApp(runtime);
    const { secret } = await runtime.services.tokens.create({ name: 'test admin', email: ADMIN_EMAIL, scopes: ['*'] });
    return new Harness(runtime, app, database, secret, await runtime.services.workspaces.ensureDefault());
  }

  get services() {
    return this.runtime.services;
  }

  /** Sends a request; the admin token is used unless `token` is given (null sends none). */
  request(method: InjectOptions['method'], url: string, options: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.adminToken : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.workspaceId) headers['x-workspace-id'] = options.workspaceId;
    return this.app.inject({
      method,
      url,
      headers,
      ...(options.body === undefined ? {} : typeof options.body === 'string' ? { payload: options.body } : { payload: options.body as object }),
    });
  }

  /** Sends a ToolJet-dialect request with `Authorization: Basic <EXTERNAL_TOKEN>` unless `token` is given (null: none). */
  ext(method: InjectOptions['method'], url: string, options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? EXTERNAL_TOKEN : options.token;
    if (token !== null) headers.authorization = `Basic ${token}`;
    return this.app.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: options.body as object }) });
  }

  /** Creates a token with the given scopes, optionally bound to a workspace. */
  async token(scopes: Scope[], options: { workspaceId?: string; email?: string; expiresAt?: string } = {}): Promise<string> {
    const { secret } = await this.services.tokens.create({
      name: `test ${scopes.join(' ')}`,
      email: options.email ?? ADMIN_EMAIL,
      scopes,
      workspaceId: options.workspaceId,
      expiresAt: options.expiresAt,
    });
    return secret;
  }

  /** An actor for calling core services directly, as the admin, in the given workspace. */
  async actor(workspaceId = this.defaultWorkspaceId): Promise<Actor> {
    const admin = await this.runtime.database.db.selectFrom('users').select(['id', 'email']).where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();
    return { userId: admin.id, email: admin.email, tokenId: null, workspaceId };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.runtime.close();
    await this.database.drop();
  }
}
