import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

// Past both databases' parameter caps (SQLite 32,766, PostgreSQL 65,535), so an unsliced query would fail.
const COUNT = 70_000;

describe('listing every account', () => {
  it('lists more accounts than one statement can take as parameters, each with its membership', async () => {
    const db = h.runtime.database.db;
    const at = new Date().toISOString();
    const ids = Array.from({ length: COUNT }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (let start = 0; start < COUNT; start += 1000) {
      const slice = ids.slice(start, start + 1000);
      await db.insertInto('users').values(slice.map((id, i) => ({
        id, email: `bulk-${start + i}@example.com`, first_name: 'Bulk', last_name: String(start + i),
        status: 'active' as const, created_at: at, updated_at: at,
      }))).execute();
      await db.insertInto('memberships').values(slice.map((id) => ({
        workspace_id: h.defaultWorkspaceId, user_id: id, role: 'end-user' as const, status: 'active' as const,
        created_at: at, updated_at: at,
      }))).execute();
    }
    const accounts = await h.services.accounts.list();
    expect(accounts).toHaveLength(COUNT + 1);
    const bulk = accounts.filter((account) => account.email.startsWith('bulk-'));
    expect(bulk.every((account) => account.memberships.length === 1 && account.memberships[0]!.role === 'end-user')).toBe(true);
  });
});
