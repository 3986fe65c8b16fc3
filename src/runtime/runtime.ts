import type { Config } from '../config.ts';
import { DatabaseRateCounter, type RateCounter } from '../core/rate-counter.ts';
import { type Services, createServices } from '../core/services.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { Store } from '../db/store.ts';
import { RedisRateCounter } from './redis-rate-counter.ts';
import { loadSecretBox } from './secret-key.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

/** An opened instance: database migrated, secret key checked, default workspace present. */
export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  /** The store the services share: work that must join their transactions (configuration as code) goes through it. */
  store: Store;
  services: Services;
  /** Request counters shared by every process: in Redis when REDIS_URL is set, else in the database. */
  rateCounter: RateCounter;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    const store = new Store(database);
    const box = await loadSecretBox(config, store);
    const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
    const rateCounter = config.redisUrl
      ? await RedisRateCounter.open(config.redisUrl, config.rateLimit.redisKeyPrefix)
      : new DatabaseRateCounter(store);
    const services = createServices(store, box, { mailer, publicUrl: config.publicUrl }, {
      session: config.session, rateCounter, rateLimit: config.rateLimit,
    });
    await services.workspaces.ensureDefault();
    if (config.bootstrapToken) await services.tokens.ensureBootstrap(config.bootstrapToken, config.bootstrapEmail);
    const close = async () => {
      // Token uses are coalesced in memory; write them before the database goes away.
      await services.tokens.close();
      // Password resets asked for are issued after their answer; let them finish first.
      await services.passwordResets.close();
      await rateCounter.close();
      await mailer?.close();
      await database.close();
    };
    return { config, database, store, services, rateCounter, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}
