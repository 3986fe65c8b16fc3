import { isIP } from 'node:net';
import path from 'node:path';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema?: string };

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /** 32-byte key for secrets at rest; when absent in embedded mode a key file in dataDir is used. */
  secretKey?: string;
  /** Earlier keys that still open secrets during a key rotation (TOOLPLANE_PREVIOUS_SECRET_KEYS, comma-separated). */
  previousSecretKeys?: string[];
  bootstrapToken?: string;
  bootstrapEmail: string;
  logLevel: string;
  /** Base URL clients reach this server at, for links it hands out (invitations). */
  publicUrl: string;
  /** The ToolJet-compatible External API at /api/ext. */
  externalApi: { enabled: boolean; accessToken?: string };
  /** Where invitation emails go out (`SMTP_URL`, `SMTP_FROM`); absent: links are returned to the API caller instead. */
  smtp?: { url: string; from: string };
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client address (`TRUST_PROXY`): true
   * for any, or a list of proxy addresses and CIDR ranges; absent: none.
   */
  trustProxy?: boolean | string[];
  /** Redis for counters shared between processes (`REDIS_URL`); absent: the database holds them. */
  redisUrl?: string;
  rateLimit: RateLimitConfig;
  session: SessionConfig;
}

/** How long a signed-in person's session lasts. */
export interface SessionConfig {
  /** A session unused this long ends (`SESSION_IDLE_MINUTES`). */
  idleMs: number;
  /** A session ends this long after sign-in, used or not (`SESSION_MAX_AGE_HOURS`). */
  maxAgeMs: number;
}

export const DEFAULT_SESSION: SessionConfig = { idleMs: 8 * 3_600_000, maxAgeMs: 7 * 86_400_000 };

/** Request budgets; every budget is counted per window and shared by all server processes. */
export interface RateLimitConfig {
  /** Requests per window per API token (`RATE_LIMIT_PER_MINUTE`); 0 turns the per-token limit off. */
  perToken: number;
  /** Requests per window per client address without valid credentials (`RATE_LIMIT_ANONYMOUS_PER_MINUTE`); 0 turns it off. */
  perAddress: number;
  /** Invite accept attempts per window per client address. */
  acceptsPerAddress: number;
  /** The window's length; a minute outside tests. */
  windowMs: number;
  /** Prefix of every Redis key the counters use (`REDIS_KEY_PREFIX`). */
  redisKeyPrefix: string;
  /** Failed sign-ins per account, and per client address, within `signInWindowMs` before more are refused. */
  signInFailuresPerAccount: number;
  signInFailuresPerAddress: number;
  signInWindowMs: number;
  /** Password reset requests per account (by email, whether it exists or not), and per client address, within `passwordResetWindowMs`. */
  passwordResetsPerAccount: number;
  passwordResetsPerAddress: number;
  passwordResetWindowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  perToken: 1200,
  perAddress: 60,
  acceptsPerAddress: 10,
  windowMs: 60_000,
  redisKeyPrefix: 'toolplane:rl:',
  signInFailuresPerAccount: 10,
  signInFailuresPerAddress: 30,
  signInWindowMs: 15 * 60_000,
  passwordResetsPerAccount: 5,
  passwordResetsPerAddress: 20,
  passwordResetWindowMs: 60 * 60_000,
};

/** Thrown for configuration the process cannot start with; the CLI prints it and exits 1. */
export class ConfigError extends Error {}

/**
 * Reads the process environment. `DATABASE_URL` selects the store: a `postgres://` or
 * `postgresql://` URL means PostgreSQL, `sqlite:<file>` or a plain path means SQLite, and
 * nothing means `<dataDir>/toolplane.db`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TOOLPLANE_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  const bootstrapToken = env.TOOLPLANE_BOOTSTRAP_TOKEN || undefined;
  if (bootstrapToken !== undefined && bootstrapToken.length < 16) {
    throw new ConfigError('TOOLPLANE_BOOTSTRAP_TOKEN must be at least 16 characters long');
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    database: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    secretKey: env.TOOLPLANE_SECRET_KEY || undefined,
    previousSecretKeys: env.TOOLPLANE_PREVIOUS_SECRET_KEYS?.split(',').map((key) => key.trim()).filter(Boolean),
    bootstrapToken,
    bootstrapEmail: env.TOOLPLANE_BOOTSTRAP_EMAIL ?? 'admin@example.com',
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: (env.PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${port}`).replace(/\/+$/, ''),
    externalApi: {
      enabled: env.ENABLE_EXTERNAL_API === 'true',
      accessToken: env.EXTERNAL_API_ACCESS_TOKEN || undefined,
    },
    smtp: parseSmtp(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    rateLimit: {
      ...DEFAULT_RATE_LIMIT,
      perToken: parseBudget(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perToken),
      perAddress: parseBudget(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', DEFAULT_RATE_LIMIT.perAddress),
      redisKeyPrefix: env.REDIS_KEY_PREFIX || DEFAULT_RATE_LIMIT.redisKeyPrefix,
    },
    session: {
      idleMs: parseDuration(env, 'SESSION_IDLE_MINUTES', 60_000, DEFAULT_SESSION.idleMs),
      maxAgeMs: parseDuration(env, 'SESSION_MAX_AGE_HOURS', 3_600_000, DEFAULT_SESSION.maxAgeMs),
    },
  };
}

/** A whole number of units (minutes, hours) from 1 up, in milliseconds. */
function parseDuration(env: NodeJS.ProcessEnv, name: string, unitMs: number, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\s*[1-9]\d*\s*$/.test(raw) || !Number.isSafeInteger(Number(raw) * unitMs)) {
    throw new ConfigError(`${name} must be a whole number from 1 up, got "${raw}"`);
  }
  return Number(raw) * unitMs;
}

function parseTrustProxy(raw: string | undefined): Config['trustProxy'] {
  const value = raw?.trim().toLowerCase();
  if (!value || value === 'false') return undefined;
  if (value === 'true') return true;
  const proxies = value.split(',').map((item) => item.trim());
  const bad = proxies.find((item) => {
    const [address, bits, extra] = item.split('/');
    const version = isIP(address ?? '');
    if (version === 0 || extra !== undefined) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  });
  if (bad !== undefined) {
    throw new ConfigError(`TRUST_PROXY must be true, false, or a comma-separated list of addresses and CIDR ranges; "${bad}" is none of these`);
  }
  return proxies;
}

function parseRedisUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (!/^rediss?:\/\/[^/]/i.test(url)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379');
  return url;
}

/** A requests-per-minute budget: a whole number from 0 (no limit) up. */
function parseBudget(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(`${name} must be a whole number of requests per minute (0 turns the limit off), got "${raw}"`);
  }
  return Number(raw);
}

/** `SMTP_URL` as nodemailer reads it (`smtp://user:pass@host:587`, `smtps://…` for TLS from the start). */
function parseSmtp(env: NodeJS.ProcessEnv): Config['smtp'] {
  const url = env.SMTP_URL || undefined;
  if (!url) return undefined;
  if (!/^smtps?:\/\/[^/]/i.test(url)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  return { url, from: env.SMTP_FROM || 'Toolplane <no-reply@localhost>' };
}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'toolplane.db') };
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url };
  const file = url.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:/i, '');
  if (!file) throw new ConfigError(`DATABASE_URL "${url}" names no SQLite file`);
  return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
}
