import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The local PostgreSQL cluster's version folder (`/etc/postgresql/<version>`); throws when there is none. */
function clusterVersion(): string {
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  if (versions.length !== 1) throw new Error(`expected one PostgreSQL cluster under /etc/postgresql, found: ${versions.join(', ') || 'none'}`);
  return versions[0]!;
}

async function pgctl(action: 'stop' | 'start'): Promise<void> {
  const args = ['--skip-systemctl-redirect', clusterVersion(), 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])];
  try {
    await run('pg_ctlcluster', args, { timeout: 60_000 });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`pg_ctlcluster ${args.join(' ')} failed: ${stderr || message}`);
  }
}

/** True when pg_isready reports the server accepting connections. */
export async function postgresReady(host = '127.0.0.1', port = '5432'): Promise<boolean> {
  try {
    await run('pg_isready', ['-h', host, '-p', port, '-t', '2']);
    return true;
  } catch {
    return false;
  }
}

/** Stops the local PostgreSQL server (fast shutdown: open sessions are ended) and waits until it refuses connections. */
export async function stopPostgres(): Promise<void> {
  await pgctl('stop');
  const deadline = Date.now() + 30_000;
  while (await postgresReady()) {
    if (Date.now() > deadline) throw new Error('PostgreSQL still accepts connections after stop');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts the local PostgreSQL server unless it runs already, and waits for pg_isready. */
export async function startPostgres(): Promise<void> {
  if (!(await postgresReady())) await pgctl('start');
  const deadline = Date.now() + 60_000;
  while (!(await postgresReady())) {
    if (Date.now() > deadline) throw new Error('PostgreSQL did not become ready after start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
