import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { runAudited } from '../core/audit.ts';
import { ALL_SCOPES, isScope, type Scope } from '../core/scopes.ts';
import { DomainError } from '../core/errors.ts';
import { generateSecretKey } from '../core/secrets.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { openRuntime } from '../runtime/runtime.ts';
import { exportAudit } from './audit-export.ts';
import { applyCommand, collectFile, collectVar, exportCommand, planCommand, schemaCommand } from './config-code.ts';
import { type ConfigTarget, localTarget, remoteTarget } from './config-target.ts';
import { importUsers } from './import-users.ts';
import { rotateKeys } from './rotate-keys.ts';
import { setPassword } from './set-password.ts';
import { serve } from './serve.ts';
import { createWorkspace, listWorkspaces } from './workspaces.ts';

const program = new Command()
  .name('toolplane')
  .description('Toolplane control plane: server and local administration');

program
  .command('serve')
  .description('migrate the database, then serve the API (PORT, HOST, DATABASE_URL)')
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('bring the database schema up to date, then exit')
  .action(async () => {
    const database = openDatabase(loadConfig().database);
    try {
      const results = await migrateToLatest(database);
      const applied = results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    } finally {
      await database.close();
    }
  });

const tokens = program.command('tokens').description('manage API tokens');

tokens
  .command('create')
  .description('create an API token and print it once; only its hash is stored')
  .requiredOption('--name <name>', 'a name to recognise the token by')
  .requiredOption('--email <email>', 'the user the token acts for (created as an admin when new)')
  .option('--scopes <scopes>', `comma-separated scopes (${ALL_SCOPES.join(', ')})`, parseScopes, ['*'] as Scope[])
  .option('--workspace <id>', 'bind the token to one workspace (default: instance-wide)')
  .option('--expires-in-days <days>', 'expire the token after this many days', parseDays)
  .action(async (options: { name: string; email: string; scopes: Scope[]; workspace?: string; expiresInDays?: number }) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) throw new InvalidArgumentError(`"${options.email}" is not an email address`);
    const runtime = await openRuntime(loadConfig());
    try {
      const expiresAt = options.expiresInDays === undefined
        ? undefined
        : new Date(Date.now() + options.expiresInDays * 86_400_000).toISOString();
      const { secret } = await runAudited({ actorType: 'cli' }, () => runtime.services.tokens.create({
        name: options.name, email: options.email, scopes: options.scopes, workspaceId: options.workspace, expiresAt,
      }));
      console.log(secret);
    } finally {
      await runtime.close();
    }
  });

const users = program.command('users').description('manage users');

users
  .command('import <file>')
  .description('import people from CSV (email, firstName, lastName, role, groups, and any user attribute) or JSON lines')
  .option('--workspace <id>', 'the workspace to import into (default: the default workspace)')
  .option('--invite', 'invite people who are not members yet, instead of adding them as active members')
  .option('--dry-run', 'report what would change, and change nothing')
  .option('--report <file>', 'where to write every row\'s outcome (default: <file>.report.jsonl)')
  .action(async (file: string, options: { workspace?: string; dryRun?: boolean; invite?: boolean; report?: string }) => {
    if (!fs.existsSync(file)) throw new InvalidArgumentError(`no such file: ${file}`);
    const runtime = await openRuntime(loadConfig());
    try {
      process.exitCode = await runAudited({ actorType: 'cli' }, () => importUsers(runtime, file, options));
    } finally {
      await runtime.close();
    }
  });

users
  .command('set-password')
  .description('set an account\'s password and end its sessions: asked twice without echo on a terminal, else the first line of stdin')
  .requiredOption('--email <email>', 'the account\'s email')
  .action(async (options: { email: string }) => {
    await setPassword(loadConfig(), options);
  });

const audit = program.command('audit').description('read the audit log');

audit
  .command('export')
  .description('write audit events as JSON lines, oldest first, one event a line (the API\'s shape)')
  .requiredOption('--since <date-time>', 'only events at or after this ISO-8601 date-time, such as 2026-01-01T00:00:00Z', parseDateTime)
  .option('--until <date-time>', 'only events at or before this ISO-8601 date-time', parseDateTime)
  .option('--workspace <id>', 'only events of this workspace (default: every workspace and the instance-level events)')
  .option('--output <file>', 'write to this file instead of stdout')
  .action(async (options: { since: string; until?: string; workspace?: string; output?: string }) => {
    const runtime = await openRuntime(loadConfig());
    try {
      const count = await exportAudit(runtime, options);
      if (options.output) console.error(`exported ${count} event${count === 1 ? '' : 's'} to ${options.output}`);
    } finally {
      await runtime.close();
    }
  });

const workspaces = program.command('workspaces').description('manage workspaces');

workspaces
  .command('create')
  .description('create a workspace and print its id')
  .requiredOption('--name <name>', 'the workspace\'s name, unique in the instance')
  .option('--domains <domains>', 'comma-separated email domains of the workspace\'s own people (others are external)', parseList)
  .option('--admin-email <email>', 'make this user the workspace\'s admin (created as an active user when new)')
  .action(async (options: { name: string; domains?: string[]; adminEmail?: string }) => {
    if (options.adminEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.adminEmail)) {
      throw new InvalidArgumentError(`"${options.adminEmail}" is not an email address`);
    }
    const runtime = await openRuntime(loadConfig());
    try {
      await createWorkspace(runtime, options);
    } finally {
      await runtime.close();
    }
  });

workspaces
  .command('list')
  .description('list workspaces, oldest first, as a table')
  .option('--status <status>', 'only active or archived workspaces', parseWorkspaceStatus)
  .option('--name <text>', 'only workspaces whose name contains this text, ignoring case')
  .option('--json', 'print a JSON array instead of a table')
  .action(async (options: { status?: 'active' | 'archived'; name?: string; json?: boolean }) => {
    const runtime = await openRuntime(loadConfig());
    try {
      await listWorkspaces(runtime, options);
    } finally {
      await runtime.close();
    }
  });

function parseList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

function parseWorkspaceStatus(value: string): 'active' | 'archived' {
  if (value !== 'active' && value !== 'archived') throw new InvalidArgumentError('must be active or archived');
  return value;
}

program
  .command('plan')
  .description('show what applying the configuration would change; exit 0 no changes, 2 changes, 1 errors')
  .requiredOption('-f, --file <path>', 'a YAML file or a folder of them (repeatable; all merge into one configuration)', collectFile)
  .option('--var <name=value>', 'a value for ${name} references (repeatable; wins over vars: blocks)', collectVar)
  .option('--json', 'print the plan as JSON (keep it for apply --plan-file)')
  .option('--server <url>', 'plan on this Toolplane server instead of the local database (${env:} and ${file:} are read here)')
  .option('--token <token>', 'the API token for --server (default: TOOLPLANE_TOKEN)')
  .action(async (options: { file: string[]; var?: Record<string, string>; json?: boolean } & ServerOptions) => {
    process.exitCode = await withTarget(options, (target) => planCommand(target, options));
  });

program
  .command('apply')
  .description('show the plan, ask, then apply it in one transaction: all of it or nothing')
  .requiredOption('-f, --file <path>', 'a YAML file or a folder of them (repeatable)', collectFile)
  .option('--var <name=value>', 'a value for ${name} references (repeatable)', collectVar)
  .option('--yes', 'apply without asking')
  .option('--plan-file <file>', 'a plan saved by plan --json: apply only that plan, and only if the instance has not changed since')
  .option('--server <url>', 'apply on this Toolplane server instead of the local database (${env:} and ${file:} are read here)')
  .option('--token <token>', 'the API token for --server (default: TOOLPLANE_TOKEN)')
  .action(async (options: { file: string[]; var?: Record<string, string>; yes?: boolean; planFile?: string } & ServerOptions) => {
    process.exitCode = await withTarget(options, (target) => applyCommand(target, options));
  });

program
  .command('export')
  .description('write the current state as a configuration file (YAML) that plan and apply take back unchanged')
  .option('--workspace <name>', 'only this workspace (default: every workspace)')
  .option('--output <file>', 'write to this file instead of stdout')
  .option('--server <url>', 'export from this Toolplane server instead of the local database')
  .option('--token <token>', 'the API token for --server (default: TOOLPLANE_TOKEN)')
  .action(async (options: { workspace?: string; output?: string } & ServerOptions) => {
    await withTarget(options, (target) => exportCommand(target, options));
  });

interface ServerOptions {
  server?: string;
  token?: string;
}

/** Runs `work` on the server `--server` names, as `--token` (or TOOLPLANE_TOKEN), else on the local database. */
async function withTarget<T>(options: ServerOptions, work: (target: ConfigTarget) => Promise<T>): Promise<T> {
  if (options.server !== undefined) {
    const token = options.token ?? process.env.TOOLPLANE_TOKEN;
    if (!token) throw new InvalidArgumentError('--server needs --token or TOOLPLANE_TOKEN');
    return work(remoteTarget({ server: options.server, token }));
  }
  const runtime = await openRuntime(loadConfig());
  try {
    return await work(localTarget(runtime));
  } finally {
    await runtime.close();
  }
}

program
  .command('config')
  .description('about the configuration file')
  .command('schema')
  .description('print the JSON Schema of the configuration file, for editors')
  .action(() => {
    schemaCommand();
  });

const keys = program.command('keys').description('manage the secret key that encrypts stored secrets');

keys
  .command('generate')
  .description('print a new random secret key (64 hex characters)')
  .action(() => {
    console.log(generateSecretKey().toString('hex'));
  });

keys
  .command('rotate')
  .description('re-encrypt every stored secret under the new key, in batches, while servers keep running; safe to run again')
  .option('--new-key <key>', 'the key to rotate to (hex or base64, "-" reads it from stdin); default: TOOLPLANE_SECRET_KEY, with the old keys in TOOLPLANE_PREVIOUS_SECRET_KEYS')
  .option('--batch-size <rows>', 'rows per transaction', parseBatchSize)
  .action(async (options: { newKey?: string; batchSize?: number }) => {
    await rotateKeys(loadConfig(), options);
  });

function parseBatchSize(value: string): number {
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows < 1 || rows > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return rows;
}

function parseScopes(value: string): Scope[] {
  const scopes = value.split(',').map((scope) => scope.trim()).filter(Boolean);
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (scopes.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`unknown scope(s): ${unknown.join(', ') || '(none given)'}`);
  return scopes as Scope[];
}

function parseDateTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('must be an ISO-8601 date-time with a time zone, such as 2026-01-01T00:00:00Z');
  }
  return value;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) throw new InvalidArgumentError('must be a whole number of days, at least 1');
  return days;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DomainError || error instanceof InvalidArgumentError) {
    console.error(`toolplane: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
