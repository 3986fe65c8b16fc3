import type { Config } from '../config.ts';
import { type Services, createServices } from '../core/services.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { Store } from '../db/store.ts';
import { loadSecretBox } from './secret-key.ts';

/** An opened instance: database migrated, secret key checked, default workspace present. */
export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    const store = new Store(database);
    const services = createServices(store, await loadSecretBox(config, store));
    await services.workspaces.ensureDefault();
    if (config.bootstrapToken) await services.tokens.ensureBootstrap(config.bootstrapToken, config.bootstrapEmail);
    return { config, database, services, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
