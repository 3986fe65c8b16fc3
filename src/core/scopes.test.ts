import { describe, expect, it } from 'vitest';
import { ALL_SCOPES, SCOPE_AREAS, hasScope, isScope } from './scopes.ts';

describe('scopes', () => {
  it('lists read and write for every area, and the wildcard', () => {
    expect(ALL_SCOPES).toHaveLength(1 + SCOPE_AREAS.length * 2);
    expect(ALL_SCOPES).toContain('users:write');
    expect(ALL_SCOPES).toContain('folders:read');
  });

  it('grants with the wildcard, the scope itself, or write for read in the same area', () => {
    expect(hasScope(['*'], 'apps:write')).toBe(true);
    expect(hasScope(['apps:read'], 'apps:read')).toBe(true);
    expect(hasScope(['apps:write'], 'apps:read')).toBe(true);
  });

  it('refuses read for write, and any other area', () => {
    expect(hasScope(['apps:read'], 'apps:write')).toBe(false);
    expect(hasScope(['users:write'], 'groups:read')).toBe(false);
    expect(hasScope([], 'users:read')).toBe(false);
  });

  it('recognises only known scopes', () => {
    expect(isScope('users:read')).toBe(true);
    expect(isScope('users:admin')).toBe(false);
    expect(isScope('*:read')).toBe(false);
  });
});
