import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { readDocument } from './document.ts';
import { applyPatch } from './patch.ts';
import { project } from './projection.ts';
import { ENTERPRISE_SCHEMA } from './schema.ts';

const user = () => readDocument('User', {
  userName: 'bjensen', name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'b@work.example', type: 'work', primary: true }, { value: 'b@home.example', type: 'home' }],
}).document;

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('expected an error');
}

describe('reading documents loosely', () => {
  it('takes names in any case, dotted and URN-qualified keys, and coerces values by schema', () => {
    const { document, id } = readDocument('User', {
      ID: 'x', USERNAME: 'a', 'name.GivenName': 'G', active: 'False', emails: { value: 'one@example.com' },
      [`${ENTERPRISE_SCHEMA}:manager`]: 'boss', 'urn:unknown:Thing': { a: 1 }, groups: [], password: 'p', nonsense: 1,
    });
    expect(id).toBe('x');
    expect(document).toEqual({
      userName: 'a', name: { givenName: 'G' }, active: false, emails: [{ value: 'one@example.com' }], [ENTERPRISE_SCHEMA]: { manager: { value: 'boss' } },
    });
  });

  it('keeps one primary element, the last marked so', () => {
    const { document } = readDocument('User', { emails: [{ value: 'a', primary: 'true' }, { value: 'b', primary: true }] });
    expect(document.emails).toEqual([{ value: 'a', primary: false }, { value: 'b', primary: true }]);
  });
});

describe('PATCH operations', () => {
  it('adds, replaces and removes by path, op names in any case', () => {
    const patched = applyPatch('User', user(), [
      { op: 'ADD', path: 'title', value: 'Guide' },
      { op: 'Replace', path: 'name.familyName', value: 'J' },
      { op: 'remove', path: 'emails[type eq "home"]' },
    ], 'id');
    expect(patched).toMatchObject({ title: 'Guide', name: { givenName: 'Barbara', familyName: 'J' }, emails: [{ type: 'work' }] });
    expect(patched.emails).toHaveLength(1);
  });

  it('sets a sub-attribute of the matching elements, and makes the element for a type filter that matches none', () => {
    const patched = applyPatch('User', user(), [
      { op: 'replace', path: 'emails[type eq "WORK"].value', value: 'new@work.example' },
      { op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+1' },
    ], 'id');
    expect(patched.emails).toEqual([{ value: 'new@work.example', type: 'work', primary: true }, { value: 'b@home.example', type: 'home' }]);
    expect(patched.phoneNumbers).toEqual([{ type: 'mobile', value: '+1' }]);
    expect(codeOf(() => applyPatch('User', user(), [{ op: 'replace', path: 'emails[value eq "none"].type', value: 'x' }], 'id'))).toBe('noTarget');
  });

  it('merges a complex attribute on a path-less replace, and clears what null or "" names', () => {
    const patched = applyPatch('User', user(), [{ op: 'replace', value: { name: { familyName: 'K' }, 'name.givenName': '' } }], 'id');
    expect(patched.name).toEqual({ familyName: 'K' });
  });

  it('does not duplicate an element added twice', () => {
    const patched = applyPatch('Group', { displayName: 'g', members: [{ value: 'u1' }] }, [
      { op: 'add', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] },
      { op: 'add', value: { members: [{ value: 'u2' }] } },
    ], 'g1');
    expect(patched.members).toEqual([{ value: 'u1' }, { value: 'u2' }]);
  });

  it('leaves the input document untouched', () => {
    const original = user();
    const copy = structuredClone(original);
    applyPatch('User', original, [{ op: 'remove', path: 'emails' }], 'id');
    expect(original).toEqual(copy);
  });

  it('never throws anything but a SCIM error, whatever the operations (fuzz)', () => {
    const paths = fc.oneof(
      fc.constantFrom(
        'title', 'name.givenName', 'emails', 'emails.value', 'emails[type eq "work"]', 'emails[type eq "work"].value', 'emails[value co "x"].primary',
        'members', 'members[value eq "u1"]', 'groups', 'id', 'active', `${ENTERPRISE_SCHEMA}:manager`, `${ENTERPRISE_SCHEMA}:manager.value`,
        ENTERPRISE_SCHEMA, 'urn:toolplane:params:scim:schemas:extension:toolplane:2.0:User:attributes.seats', 'emails[', 'a]b', '[x]', '', 'x.y.z',
      ),
      fc.string({ maxLength: 20 }),
    );
    const values = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
    const operation = fc.record({ op: fc.oneof(fc.constantFrom('add', 'Replace', 'REMOVE', 'copy'), fc.anything()), path: fc.option(paths, { nil: undefined }), value: values });
    const scimCodes = new Set(['invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'mutability', 'invalidFilter']);
    fc.assert(fc.property(fc.constantFrom('User' as const, 'Group' as const), fc.array(operation, { maxLength: 4 }), (kind, operations) => {
      try {
        const result = applyPatch(kind, kind === 'User' ? user() : { displayName: 'g', members: [{ value: 'u1' }] }, operations, 'id');
        project(kind, result, { excludedAttributes: ['emails.value'] });
      } catch (error) {
        if (!(error instanceof DomainError) || !scimCodes.has(error.code)) throw error;
      }
    }), { numRuns: 3000 });
  });
});
