import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(root, 'bin/toolplane.js');

/**
 * The environment a child process needs to use a test database: its URL, a data folder,
 * and on PostgreSQL the secret key (SQLite makes its own key file in the data folder).
 */
export function processEnv(database: { url: string; dataDir: string }, secretKey: string): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: database.url,
    TOOLPLANE_DATA_DIR: database.dataDir,
    ...(database.url.startsWith('postgres') ? { TOOLPLANE_SECRET_KEY: secretKey } : {}),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs a CLI command to completion and returns its exit code and output; `input`, when given, is piped to its stdin. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, cwd: root });
    if (input !== undefined) child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A `toolplane serve` child process, with everything it printed. */
export class ServerProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly baseUrl: string) {
    child.stdout!.on('data', (chunk) => (this.stdout += chunk));
    child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /**
   * Starts the server and waits until /readyz answers 200 (or the process dies). A port found
   * free can be taken by another process before the server binds it; then it tries another.
   */
  static async start(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await ServerProcess.startOnce(env);
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('EADDRINUSE')) throw error;
      }
    }
  }

  private static async startOnce(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'serve'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
      cwd: root,
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    let exitCode: number | null | undefined;
    void server.exited.then((code) => (exitCode = code ?? -1));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}: ${server.stderr}${server.stdout}`);
      try {
        if ((await fetch(`${server.baseUrl}/readyz`)).ok) return server;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`server did not become ready: ${server.stderr}`);
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
