import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseFilter } from './filter.ts';
import { resolveFilter } from './filter-resolve.ts';

function invalidFilterOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalidFilter');
    return (error as DomainError).message;
  }
  throw new Error('expected invalidFilter');
}

describe('SCIM filter parser (RFC 7644 §3.4.2.2)', () => {
  it('reads the RFC\'s examples', () => {
    expect(parseFilter('userName eq "bjensen"')).toEqual({ kind: 'compare', path: { attribute: 'userName' }, operator: 'eq', value: 'bjensen' });
    expect(parseFilter('name.familyName co "O\'Malley"')).toMatchObject({ path: { attribute: 'name', subAttribute: 'familyName' }, operator: 'co' });
    expect(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"'))
      .toMatchObject({ path: { urn: 'urn:ietf:params:scim:schemas:core:2.0:User', attribute: 'userName' }, operator: 'sw' });
    expect(parseFilter('title pr')).toEqual({ kind: 'present', path: { attribute: 'title' } });
    expect(parseFilter('meta.lastModified gt "2011-05-13T04:42:34Z"')).toMatchObject({ operator: 'gt', value: '2011-05-13T04:42:34Z' });
    expect(parseFilter('title pr and userType eq "Employee"')).toMatchObject({ kind: 'and' });
    expect(parseFilter('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")'))
      .toMatchObject({ kind: 'and', right: { kind: 'or' } });
    expect(parseFilter('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")'))
      .toMatchObject({ kind: 'and', right: { kind: 'not', filter: { kind: 'or' } } });
    expect(parseFilter('emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]'))
      .toMatchObject({ kind: 'or', left: { kind: 'valuePath', path: { attribute: 'emails' }, filter: { kind: 'and' } } });
  });

  it('binds and tighter than or, and left to right', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    expect(parseFilter('a eq 1 and b eq 2 or c eq 3')).toMatchObject({ kind: 'or', left: { kind: 'and' } });
  });

  it('takes keywords, operators and literals in any case, numbers, and Entra\'s bare words', () => {
    expect(parseFilter('userName EQ "x" AND active Eq TRUE')).toMatchObject({ kind: 'and', right: { value: true } });
    expect(parseFilter('externalId eq jyoung')).toMatchObject({ value: 'jyoung' });
    expect(parseFilter('x eq null')).toMatchObject({ value: null });
    expect(parseFilter('x gt -1.5e3')).toMatchObject({ value: -1500 });
    expect(parseFilter('NOT(a pr)')).toMatchObject({ kind: 'not' });
    expect(parseFilter('userName eq "a \\"quoted\\" \\u00e9"')).toMatchObject({ value: 'a "quoted" é' });
  });

  it('reads Entra\'s value path followed by a comparison as one element matching both', () => {
    expect(parseFilter('emails[type eq "work"].value eq "a@b.c"')).toEqual({
      kind: 'valuePath',
      path: { attribute: 'emails' },
      filter: {
        kind: 'and',
        left: { kind: 'compare', path: { attribute: 'type' }, operator: 'eq', value: 'work' },
        right: { kind: 'compare', path: { attribute: 'value' }, operator: 'eq', value: 'a@b.c' },
      },
    });
  });

  it('refuses what is not a filter with invalidFilter naming the place', () => {
    expect(invalidFilterOf(() => parseFilter('userName eq'))).toMatch(/value expected/);
    expect(invalidFilterOf(() => parseFilter('userName xx "a"'))).toMatch(/unknown operator "xx"/);
    expect(invalidFilterOf(() => parseFilter('userName eq "a'))).toMatch(/unterminated/);
    expect(invalidFilterOf(() => parseFilter('(userName eq "a"'))).toMatch(/"\)" expected/);
    expect(invalidFilterOf(() => parseFilter('userName eq "a" extra'))).toMatch(/unexpected/);
    expect(invalidFilterOf(() => parseFilter('emails[value[type eq "x"]]'))).toMatch(/value path inside/);
    expect(invalidFilterOf(() => parseFilter(''))).toMatch(/attribute/);
    expect(invalidFilterOf(() => parseFilter('('.repeat(100) + 'a pr' + ')'.repeat(100)))).toMatch(/nesting/);
    expect(invalidFilterOf(() => parseFilter(`a eq "${'x'.repeat(5000)}"`))).toMatch(/longer/);
  });
});

describe('SCIM filter resolution', () => {
  it('resolves names without regard to case, and extension attributes with or without their URN', () => {
    expect(resolveFilter('User', 'USERNAME eq "X"')).toMatchObject({ key: 'userName', caseExact: false });
    expect(resolveFilter('User', 'externalId eq "X"')).toMatchObject({ key: 'externalId', caseExact: true });
    const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    expect(resolveFilter('User', `${enterprise}:manager.value eq "m"`)).toMatchObject({ key: 'enterprise:manager.value' });
    expect(resolveFilter('User', 'manager.value eq "m"')).toMatchObject({ key: 'enterprise:manager.value' });
  });

  it('tests elements of multi-valued attributes, with `.value` implied', () => {
    expect(resolveFilter('Group', 'members eq "u1"')).toEqual({
      kind: 'valuePath', key: 'members', filter: { kind: 'compare', key: 'value', type: 'string', caseExact: true, operator: 'eq', value: 'u1' },
    });
    expect(resolveFilter('User', 'emails.value co "@x"')).toMatchObject({ kind: 'valuePath', key: 'emails', filter: { key: 'value' } });
  });

  it('types values: booleans from any case, dates as instants, null as absence', () => {
    expect(resolveFilter('User', 'active eq "False"')).toMatchObject({ value: false });
    expect(resolveFilter('User', 'meta.created gt "2020-01-01T00:00:00+01:00"')).toMatchObject({ value: '2019-12-31T23:00:00.000Z' });
    expect(resolveFilter('User', 'title eq null')).toEqual({ kind: 'not', filter: { kind: 'present', key: 'title', type: 'string' } });
  });

  it('refuses unknown attributes, ordering on booleans, and non-dates with invalidFilter', () => {
    expect(invalidFilterOf(() => resolveFilter('User', 'shoeSize eq "9"'))).toMatch(/no attribute "shoeSize"/);
    expect(invalidFilterOf(() => resolveFilter('User', 'active gt true'))).toMatch(/boolean/);
    expect(invalidFilterOf(() => resolveFilter('User', 'meta.created gt "soon"'))).toMatch(/date/);
    expect(invalidFilterOf(() => resolveFilter('User', 'name eq "x"'))).toMatch(/complex/);
    expect(invalidFilterOf(() => resolveFilter('Group', 'displayName[value eq "x"]'))).toMatch(/not a multi-valued/);
    expect(invalidFilterOf(() => resolveFilter('User', 'emails[shoe eq "x"]'))).toMatch(/no sub-attribute/);
  });

  it('never throws anything but invalidFilter, whatever the text (fuzz)', () => {
    const pieces = fc.constantFrom(
      'userName', 'emails', 'members', 'name.givenName', 'active', 'meta.created', 'urn:ietf:params:scim:schemas:core:2.0:User:userName',
      ' eq ', ' ne ', ' co ', ' sw ', ' gt ', ' pr', ' and ', ' or ', 'not ', '(', ')', '[', ']', '.', '"x"', '"', '\\', 'true', 'null', '1.5', 'jyoung', ' ',
    );
    const texts = fc.oneof(fc.string({ maxLength: 60 }), fc.array(pieces, { maxLength: 14 }).map((parts) => parts.join('')));
    fc.assert(fc.property(texts, fc.constantFrom('User' as const, 'Group' as const), (text, kind) => {
      try {
        resolveFilter(kind, text);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalidFilter') throw error;
      }
    }), { numRuns: 3000 });
  });
});
