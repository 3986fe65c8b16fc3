import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './oidc-relying-party.ts';
import { attributeValue, claimAt, claimValues, domainAllowed, mappedGroups, namesOf, safeReturnTo, verifiedEmail } from './sso-claims.ts';

describe('claims', () => {
  it('reads a claim by its name, else by a dotted path into objects', () => {
    const claims = { 'https://example.com/groups': ['a'], realm_access: { roles: ['admin', 'dev'] }, plain: 'x' };
    expect(claimAt(claims, 'https://example.com/groups')).toEqual(['a']);
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['admin', 'dev']);
    expect(claimValues(claims, 'plain')).toEqual(['x']);
    expect(claimValues(claims, 'realm_access.missing')).toEqual([]);
    expect(claimValues({ groups: ['a', 7, { b: 1 }, null] }, 'groups')).toEqual(['a', '7']);
  });

  it('takes an email only when the provider verified it', () => {
    expect(verifiedEmail({ email: 'ada@corp.example', email_verified: true })).toBe('ada@corp.example');
    expect(verifiedEmail({ email: 'ada@corp.example', email_verified: 'true' })).toBe('ada@corp.example');
    expect(verifiedEmail({ email: 'ada@corp.example', email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: 'ada@corp.example' })).toBeNull();
    expect(verifiedEmail({ email: 'not an email', email_verified: true })).toBeNull();
  });

  it('matches allowed domains exactly, whatever the case; an empty list allows any', () => {
    expect(domainAllowed('a@Corp.Example', ['corp.example'])).toBe(true);
    expect(domainAllowed('a@mail.corp.example', ['corp.example'])).toBe(false);
    expect(domainAllowed('a@corp.example.evil', ['corp.example'])).toBe(false);
    expect(domainAllowed('a@anything.example', [])).toBe(true);
  });

  it('maps claim values to groups, and knows every group the mappings touch', () => {
    const { wanted, mapped } = mappedGroups({ eng: ['Engineering'], leads: ['Engineering', 'Leads'], constructor: ['Odd'] }, ['leads', 'toString']);
    expect([...wanted].sort()).toEqual(['Engineering', 'Leads']);
    expect([...mapped].sort()).toEqual(['Engineering', 'Leads', 'Odd']);
  });

  it('converts claim values to attribute types where that is plain, and gives up otherwise', () => {
    expect(attributeValue('number', '3')).toBe(3);
    expect(attributeValue('number', 'three')).toBeUndefined();
    expect(attributeValue('number', '')).toBeUndefined();
    expect(attributeValue('string', 4)).toBe('4');
    expect(attributeValue('string', { a: 1 })).toBeUndefined();
    expect(attributeValue('boolean', 'false')).toBe(false);
    expect(attributeValue('json', { a: [1] })).toEqual({ a: [1] });
    expect(attributeValue('string', undefined)).toBeNull();
  });

  it('takes names from given and family name, else from the full name', () => {
    expect(namesOf({ given_name: 'Ada', family_name: 'Lovelace', name: 'x y' })).toEqual({ first_name: 'Ada', last_name: 'Lovelace' });
    expect(namesOf({ name: 'Grace Brewster Hopper' })).toEqual({ first_name: 'Grace', last_name: 'Brewster Hopper' });
    expect(namesOf({})).toEqual({ first_name: '', last_name: '' });
  });
});

describe('where a sign-in lands', () => {
  it('accepts paths of this server only', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('/apps/1?tab=a#b')).toBe('/apps/1?tab=a#b');
    for (const unsafe of ['https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil', 'apps', '/a\nb', 'javascript:alert(1)']) {
      expect(() => safeReturnTo(unsafe), unsafe).toThrow(/returnTo/);
    }
  });
});

describe('loopback hosts', () => {
  it('are 127.0.0.0/8, ::1 and localhost, nothing else', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '[::1]', 'localhost', 'idp.localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['10.0.0.1', '128.0.0.1', 'example.com', '127.0.0.1.nip.io', '[::2]', '0.0.0.0']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
