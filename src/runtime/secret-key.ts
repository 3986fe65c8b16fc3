import fs from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../config.ts';
import { SecretBox, generateSecretKey, parseSecretKey } from '../core/secrets.ts';
import type { Store } from '../db/store.ts';

const KEY_FILE = 'secret.key';
const CHECK_SETTING = 'secret_key_check';
const CHECK_CONTEXT = 'toolplane:key-check';
const CHECK_PLAINTEXT = 'toolplane';

/**
 * The instance's secret box. The key comes from TOOLPLANE_SECRET_KEY, or in embedded (SQLite)
 * mode from a key file created in the data folder on first start. PostgreSQL deployments
 * must set the variable, since every process has to share one key.
 *
 * The first start seals a known value; every later start must open it, so a wrong key
 * stops the process instead of turning stored secrets into garbage.
 */
export async function loadSecretBox(config: Config, store: Store): Promise<SecretBox> {
  const box = new SecretBox(readKey(config));
  const check = await store.write((repos) => repos.settings.putIfAbsent(CHECK_SETTING, box.seal(CHECK_PLAINTEXT, CHECK_CONTEXT)));
  try {
    if (box.open(check, CHECK_CONTEXT) === CHECK_PLAINTEXT) return box;
  } catch {
    // Falls through to the error below.
  }
  throw new ConfigError('The secret key does not match the one this database was set up with; check TOOLPLANE_SECRET_KEY or data/secret.key');
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
