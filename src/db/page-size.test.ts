import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pageSize } from './page-size.ts';
import type { Database } from './schema.ts';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('pageSize', () => {
  it('writes the size into the text, so each size is its own statement with its own generic plan', () => {
    const compiled = db.selectFrom('memberships').select('user_id').where('workspace_id', '=', 'w').limit(pageSize(101)).compile();
    expect(compiled.sql).toMatch(/limit 101$/);
    expect(compiled.parameters).toEqual(['w']);
  });

  it('refuses anything but a whole number, which would reach the text unbound', () => {
    for (const size of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => pageSize(size)).toThrow(/whole number/);
  });
});
