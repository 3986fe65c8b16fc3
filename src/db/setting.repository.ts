import type { Executor } from './executor.ts';

/** Instance-wide key/value facts: the default workspace, the secret-key check value. */
export class SettingRepository {
  constructor(private readonly db: Executor) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  /** Inserts the value unless the key already has one; returns the value that is stored. */
  async putIfAbsent(key: string, value: string): Promise<string> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.get(key)) as string;
  }

  /** Replaces the value of a key that has one. */
  async update(key: string, value: string): Promise<void> {
    await this.db.updateTable('settings').set({ value }).where('key', '=', key).execute();
  }
}
