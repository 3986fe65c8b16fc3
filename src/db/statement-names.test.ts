import { describe, expect, it } from 'vitest';
import { StatementNames } from './statement-names.ts';

const read = 'select "id", "email" from "users" where "id" = $1';

describe('StatementNames', () => {
  it('names a declared statement at once and a run-time one on its second run', () => {
    const names = new StatementNames();
    names.declare('select "name" from "groups" where "id" = $1');
    expect(names.nameOf('select "name" from "groups" where "id" = $1')).toMatch(/^toolplane_\d+$/);
    expect(names.nameOf(read)).toBeUndefined();
    const name = names.nameOf(read);
    expect(name).toMatch(/^toolplane_\d+$/);
    expect(names.nameOf(read)).toBe(name);
  });

  it('never names every-column selects, transaction control or long texts', () => {
    const names = new StatementNames(500, 5_000, 100);
    for (const text of ['select * from "users" where "id" = $1', 'select "u".* from "users" as "u"', 'update "users" set "email" = $1 returning *', 'begin', 'commit', `select "id" from "users" where "id" in (${'$1, '.repeat(40)}$2)`]) {
      names.nameOf(text);
      expect(names.nameOf(text), text).toBeUndefined();
    }
    names.nameOf('select count(*) as "count" from "users"');
    expect(names.nameOf('select count(*) as "count" from "users"')).toBeDefined();
  });

  it('stops naming run-time texts at its bound, and keeps the names it gave', () => {
    const names = new StatementNames(2);
    const texts = [1, 2, 3].map((n) => `select "id" from "users" where "n" = ${n}`);
    const given = texts.map((text) => (names.nameOf(text), names.nameOf(text)));
    expect(given[0]).toBeDefined();
    expect(given[1]).toBeDefined();
    expect(given[2]).toBeUndefined();
    expect(names.nameOf(texts[0]!)).toBe(given[0]);
  });
});
