// Starting and watching server processes for the benchmarks: Toolplane itself and the
// baseline, each a child process on a free port, with its resident memory sampled.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs the CLI to completion; answers its stdout, throws with its output when it fails. */
export function cli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/toolplane.js'), ...args], { env: { ...process.env, ...env }, cwd: root });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`toolplane ${args.join(' ')} failed: ${out}`))));
  });
}

/** The resident set size of a process, in MiB, from /proc. */
function rssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * A server child process. `start` resolves once `readyPath` answers 200 and reports how long
 * that took from spawn; the peak RSS is sampled every 100 ms until `stop`.
 */
export class Server {
  constructor(child, baseUrl) {
    this.child = child;
    this.baseUrl = baseUrl;
    this.output = '';
    this.peakRssMiB = 0;
    child.stdout.on('data', (chunk) => (this.output += chunk));
    child.stderr.on('data', (chunk) => (this.output += chunk));
    this.sampler = setInterval(() => (this.peakRssMiB = Math.max(this.peakRssMiB, rssMiB(child.pid))), 100);
  }

  static async start(args, env, readyPath) {
    const port = await freePort();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env }, cwd: root });
    const server = new Server(child, `http://127.0.0.1:${port}`);
    server.readyPath = readyPath;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited: ${server.output}`);
      try {
        if ((await fetch(server.baseUrl + readyPath)).ok) {
          server.startMs = Number(process.hrtime.bigint() - started) / 1e6;
          return server;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    throw new Error(`server did not become ready: ${server.output}`);
  }

  /**
   * Waits until the server has worked off what an earlier scenario left queued (a slow
   * query holds a single-threaded server): its ready route answers only after the backlog.
   */
  async settle() {
    await fetch(this.baseUrl + this.readyPath, { signal: AbortSignal.timeout(120_000) }).catch(() => {});
  }

  /** Resets the peak, so a scenario reports its own. */
  resetPeak() {
    this.peakRssMiB = rssMiB(this.child.pid);
  }

  async stop() {
    clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.on('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Builds the server bundle and answers the arguments `npm start` gives Node (its script is
 * `node <flags> dist/toolplane.js serve`), so the benchmarks run what a deployment runs.
 */
export function buildServer() {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed: ${built.stdout}${built.stderr}`);
  const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start.split(/\s+/);
  if (start[0] !== 'node') throw new Error(`unexpected start script: ${start.join(' ')}`);
  return start.slice(1);
}

/** Starts the server as `npm start` does, with `startArgs` from buildServer; `nodeArgs` go to Node first (`--cpu-prof`). */
export function toolplane(startArgs, env, nodeArgs = []) {
  return Server.start([...nodeArgs, ...startArgs], { LOG_LEVEL: 'warn', ...env }, '/readyz');
}

export function baseline(env) {
  return Server.start([path.join(root, 'bench/baseline-server.mjs')], env, '/ready');
}
