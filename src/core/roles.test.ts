import { describe, expect, it } from 'vitest';
import { type Role, applyRoleFlags, isActiveAdmin } from './roles.ts';

describe('applyRoleFlags', () => {
  const cases: Array<[Role, Parameters<typeof applyRoleFlags>[1], Role | null]> = [
    ['builder', {}, 'builder'],
    ['builder', { admin: true }, 'admin'],
    ['end-user', { admin: true }, 'admin'],
    ['admin', { admin: false }, 'builder'],
    ['admin', { admin: false, endUser: true }, 'end-user'],
    ['builder', { admin: false }, 'builder'],
    ['end-user', { admin: false }, 'end-user'],
    ['builder', { endUser: true }, 'end-user'],
    ['admin', { endUser: true }, 'end-user'],
    ['end-user', { endUser: false }, 'builder'],
    ['admin', { endUser: false }, 'admin'],
    ['builder', { admin: true, endUser: true }, null],
    ['admin', { admin: true, endUser: false }, 'admin'],
  ];
  it.each(cases)('%s with %o becomes %s', (current, flags, expected) => {
    expect(applyRoleFlags(current, flags)).toBe(expected);
  });
});

describe('isActiveAdmin', () => {
  it('counts only active admins', () => {
    expect(isActiveAdmin({ role: 'admin', status: 'active' })).toBe(true);
    expect(isActiveAdmin({ role: 'admin', status: 'archived' })).toBe(false);
    expect(isActiveAdmin({ role: 'admin', status: 'invited' })).toBe(false);
    expect(isActiveAdmin({ role: 'builder', status: 'active' })).toBe(false);
  });
});
