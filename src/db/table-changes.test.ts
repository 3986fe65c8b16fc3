import { describe, expect, it } from 'vitest';
import { TableChanges, effectOf } from './table-changes.ts';

describe('effectOf', () => {
  it('reads and transaction control change nothing', () => {
    for (const sql of ['select * from "users"', '  SELECT 1', 'begin', 'commit', 'rollback', 'savepoint "write_1"', 'release savepoint "write_1"', 'rollback to savepoint "write_1"']) {
      expect(effectOf(sql), sql).toEqual({ kind: 'none' });
    }
  });

  it('an insert adds rows to its table only; an upsert may change rows already there', () => {
    expect(effectOf('insert into "users" ("id") values (?)')).toEqual({ kind: 'insert', table: 'users' });
    expect(effectOf('insert into "users" ("id") values (+?) on conflict do nothing returning "id"')).toEqual({ kind: 'insert', table: 'users' });
    expect(effectOf('INSERT INTO memberships (user_id) VALUES ($1)')).toEqual({ kind: 'insert', table: 'memberships' });
    expect(effectOf('insert into "rate_limits" ("key") values ($1) on conflict ("key") do update set "count" = 1'))
      .toEqual({ kind: 'update', table: 'rate_limits' });
  });

  it('an update changes rows of its table, named with or without a schema', () => {
    expect(effectOf('update "api_tokens" set "revoked_at" = ? where "id" = ?')).toEqual({ kind: 'update', table: 'api_tokens' });
    expect(effectOf('update "t_1a2b"."Workspaces" set "status" = $1')).toEqual({ kind: 'update', table: 'workspaces' });
  });

  it('deletes (which may cascade), DDL and anything not recognised may change anything', () => {
    for (const sql of ['delete from "users" where "id" = ?', 'create table "x" ("id" integer)', 'with "n" as (select 1) insert into "users" select 1',
      'pragma foreign_keys = on', 'insert or replace into "users" values (1)', 'truncate "users"', '']) {
      expect(effectOf(sql), sql).toEqual({ kind: 'any' });
    }
  });
});

describe('TableChanges', () => {
  const token = { rowsOf: ['api_tokens', 'users'] };
  const memberCount = { rowsOf: [], newRowsIn: ['memberships'] };

  it('moves a value’s generation only for changes to what it was read from', () => {
    const changes = new TableChanges();
    const before = { token: changes.generation(token), count: changes.generation(memberCount) };
    changes.record([{ kind: 'insert', table: 'users' }, { kind: 'insert', table: 'audit_events' }, { kind: 'update', table: 'rate_limits' }]);
    expect(changes.generation(token)).toBe(before.token);
    expect(changes.generation(memberCount)).toBe(before.count);

    changes.record([{ kind: 'insert', table: 'memberships' }]);
    expect(changes.generation(token)).toBe(before.token);
    expect(changes.generation(memberCount)).not.toBe(before.count);

    const count = changes.generation(memberCount);
    changes.record([{ kind: 'update', table: 'users' }]);
    expect(changes.generation(token)).not.toBe(before.token);
    expect(changes.generation(memberCount)).toBe(count);

    const now = { token: changes.generation(token), count: changes.generation(memberCount) };
    changes.record([{ kind: 'any' }]);
    expect(changes.generation(token)).not.toBe(now.token);
    expect(changes.generation(memberCount)).not.toBe(now.count);
  });

  it('remembers each statement’s effect, and answers the same one', () => {
    const changes = new TableChanges();
    const sql = 'update "users" set "status" = ?';
    expect(changes.effectOf(sql)).toBe(changes.effectOf(sql));
    expect(changes.effectOf(sql)).toEqual({ kind: 'update', table: 'users' });
  });
});
