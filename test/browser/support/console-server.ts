import type { Config } from '../../../src/config.ts';
import { ADMIN_EMAIL, Harness } from '../../helpers/harness.ts';
import { freePort } from '../../helpers/server-process.ts';
import { TestSmtpServer } from '../../helpers/smtp.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';

/**
 * Toolplane listening on 127.0.0.1 on a fresh SQLite database, serving the built console
 * (dist/console), with its mail going to a test SMTP server. `PUBLIC_URL` is the address it
 * listens at, so emailed links and the single sign-on callback lead back to it. The first
 * admin (ADMIN_EMAIL) has ADMIN_PASSWORD.
 */
export class ConsoleServer {
  private constructor(
    readonly h: Harness,
    readonly smtp: TestSmtpServer,
    readonly baseUrl: string,
  ) {}

  /**
   * A port found free can be taken by another process (the other test projects run beside
   * this one) before the server binds it; then the server starts again on another.
   */
  static async start(overrides: Partial<Config> = {}): Promise<ConsoleServer> {
    const smtp = await TestSmtpServer.start();
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const h = await Harness.start({ publicUrl: baseUrl, smtp: { url: smtp.url, from: 'Toolplane <no-reply@localhost>' }, ...overrides });
      try {
        const admin = await h.runtime.database.db.selectFrom('users').select('id').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();
        await h.services.accounts.update(admin.id, { password: ADMIN_PASSWORD });
        await h.app.listen({ host: '127.0.0.1', port });
        return new ConsoleServer(h, smtp, baseUrl);
      } catch (error) {
        await h.close();
        if (attempt >= 5 || (error as { code?: unknown }).code !== 'EADDRINUSE') {
          await smtp.close();
          throw error;
        }
      }
    }
  }

  /** Calls the native API with the admin token, as a script would; answers the parsed body. */
  async api<T = unknown>(method: string, path: string, body?: unknown, workspaceId?: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.h.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(workspaceId ? { 'x-workspace-id': workspaceId } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** A new active member of the default workspace with `role` who signs in with `password`; answers their id. */
  async member(email: string, role: 'admin' | 'builder' | 'end-user', password: string): Promise<string> {
    const { id } = await this.h.services.accounts.create({
      email, firstName: role, lastName: 'Member', status: 'active', password,
      memberships: [{ workspace: { id: this.h.defaultWorkspaceId }, role, status: 'active' }],
    });
    return id;
  }

  async close(): Promise<void> {
    await this.h.close();
    await this.smtp.close();
  }
}
