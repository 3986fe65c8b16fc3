import fs from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../config.ts';
import { KEY_CHECK_SETTING, opensKeyCheck, sealKeyCheck } from '../core/key-check.ts';
import { SecretBox, generateSecretKey, parseSecretKey } from '../core/secrets.ts';
import type { Store } from '../db/store.ts';

const KEY_FILE = 'secret.key';

/** The keys a process holds: the one that seals, and earlier ones that still open. */
export interface SecretKeys {
  current: Buffer;
  previous: Buffer[];
}

/**
 * The instance's secret box. The key comes from TOOLPLANE_SECRET_KEY, or in embedded (SQLite)
 * mode from a key file created in the data folder on first start. PostgreSQL deployments
 * must set the variable, since every process has to share one key. During a key rotation,
 * TOOLPLANE_PREVIOUS_SECRET_KEYS lists the keys being replaced: they still open, never seal.
 *
 * The first start seals a known value; every later start must open it with one of its keys,
 * so a wrong key stops the process instead of turning stored secrets into garbage.
 * `keys` overrides what the configuration names (the `keys rotate --new-key` command).
 */
export async function loadSecretBox(config: Config, store: Store, keys: SecretKeys = readSecretKeys(config)): Promise<SecretBox> {
  const box = new SecretBox(keys.current, keys.previous);
  const check = await store.write((repos) => repos.settings.putIfAbsent(KEY_CHECK_SETTING, sealKeyCheck(box)));
  if (opensKeyCheck(box, check)) return box;
  throw new ConfigError(keys.previous.length > 0
    ? 'Neither the secret key nor any of TOOLPLANE_PREVIOUS_SECRET_KEYS matches the one this database was set up with'
    : 'The secret key does not match the one this database was set up with; check TOOLPLANE_SECRET_KEY or data/secret.key');
}

/** The configured keys: TOOLPLANE_SECRET_KEY (or the embedded key file) and TOOLPLANE_PREVIOUS_SECRET_KEYS. */
export function readSecretKeys(config: Config): SecretKeys {
  const previous = (config.previousSecretKeys ?? []).map((text, index) => {
    try {
      return parseSecretKey(text);
    } catch (error) {
      throw new ConfigError(`TOOLPLANE_PREVIOUS_SECRET_KEYS, key ${index + 1}: ${(error as Error).message}`);
    }
  });
  return { current: readKey(config), previous };
}

function readKey(config: Config): Buffer {
  try {
    if (config.secretKey) return parseSecretKey(config.secretKey);
  } catch (error) {
    throw new ConfigError(`TOOLPLANE_SECRET_KEY: ${(error as Error).message}`);
  }
  if (config.database.dialect !== 'sqlite') {
    throw new ConfigError('TOOLPLANE_SECRET_KEY is required with PostgreSQL (generate one with: openssl rand -hex 32)');
  }
  const file = path.join(config.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // 'wx' fails if another process created the file first; that process's key is then read below.
    try {
      fs.writeFileSync(file, generateSecretKey().toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseSecretKey(fs.readFileSync(file, 'utf8'));
}
