import fs from 'node:fs';
import { runAudited } from '../core/audit.ts';
import type { Actor } from '../core/actor.ts';
import { type ApplyResult, ConfigCodeEngine } from '../config-code/engine.ts';
import type { Plan } from '../config-code/plan.ts';
import { ConfigFileError, type SourceFile, referencesOf } from '../config-code/source.ts';
import type { Runtime } from '../runtime/runtime.ts';

/** Where `plan`, `apply` and `export` run: this machine's database, or a server (`--server`). */
export interface ConfigTarget {
  plan(sources: SourceFile[], vars?: Record<string, string>): Promise<Plan>;
  /** Applies `plan` if the files still make it against an unchanged instance; answers the apply's id and the invites it sent. */
  apply(sources: SourceFile[], vars: Record<string, string> | undefined, plan: Plan): Promise<ApplyResult>;
  /**
   * The state as a configuration file; with `withDefinitions` (local only), `files` holds each
   * app's definition by its path relative to that file. A server's export holds no definitions.
   */
  export(workspace: string | undefined, withDefinitions: boolean): Promise<{ content: string; files: Record<string, string> }>;
}

/** Local CLI work in a workspace: no token, no session, so every core rule applies but no scope limits it. */
function localActor(workspaceId: string): Actor {
  return { userId: '', email: '', tokenId: null, workspaceId };
}

/** The database `runtime` opened; audit events name the CLI as their actor. */
export function localTarget(runtime: Runtime): ConfigTarget {
  const engine = new ConfigCodeEngine(runtime.store, runtime.services);
  return {
    plan: (sources, vars) => engine.plan(engine.load(sources, { vars })),
    apply: (sources, vars, plan) => runAudited({ actorType: 'cli' }, () => engine.apply(engine.load(sources, { vars }), plan, localActor)),
    export: (workspace, withDefinitions) => runAudited({ actorType: 'cli' }, async () => (withDefinitions
      ? engine.exportWithDefinitions(workspace)
      : { content: await engine.export(workspace), files: {} })),
  };
}

export interface RemoteOptions {
  /** The server's base URL, such as `https://toolplane.example.com`. */
  server: string;
  token: string;
}

/**
 * A server's `/api/v1/config` routes, as the token. The files go as written, with the values
 * of their `${env:...}` references from this process's environment and the contents of the
 * files their `${file:...}` references name, read here: the server resolves nothing itself.
 */
export function remoteTarget(options: RemoteOptions): ConfigTarget {
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(`/api/v1/config/${route}`, options.server), {
      method,
      headers: { authorization: `Bearer ${options.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => ({}))) as T & { message?: string; code?: string };
    if (response.ok) return answer;
    if (answer.code === 'config_invalid') throw new ConfigFileError(String(answer.message).split('\n').map((message) => ({ message })));
    throw new Error(`${options.server} answered ${response.status}${answer.code ? ` ${answer.code}` : ''}: ${answer.message ?? response.statusText}`);
  };
  return {
    plan: (sources, vars) => call<Plan>('POST', 'plan', requestOf(sources, vars)),
    apply: (sources, vars, plan) => call<ApplyResult>('POST', 'apply', {
      ...requestOf(sources, vars), stateFingerprint: plan.stateFingerprint, changesDigest: plan.changesDigest,
    }),
    export: async (workspace) => ({
      content: (await call<{ content: string }>('GET', `export${workspace === undefined ? '' : `?workspace=${encodeURIComponent(workspace)}`}`)).content, files: {},
    }),
  };
}

function requestOf(sources: SourceFile[], vars: Record<string, string> | undefined) {
  const env: Record<string, string> = {};
  const referencedFiles: Record<string, string> = {};
  for (const source of sources) {
    const references = referencesOf(source);
    for (const name of references.env) if (process.env[name] !== undefined) env[name] = process.env[name]!;
    for (const file of references.files) if (fs.existsSync(file) && fs.statSync(file).isFile()) referencedFiles[file] = fs.readFileSync(file, 'utf8');
  }
  return { files: sources.map((source) => ({ name: source.name, content: source.text })), vars, env, referencedFiles };
}
