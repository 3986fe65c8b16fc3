import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { type Scope, hasScope } from './scopes.ts';
import { delegableScopes, objectWritesOfRole, scopesOfRole } from './session-grants.ts';

const session = (role: 'admin' | 'builder' | 'end-user'): Actor => ({
  userId: 'u', email: 'u@example.com', tokenId: null, sessionId: 's', workspaceId: 'w',
  scopes: scopesOfRole(role), objectWrites: objectWritesOfRole(role),
});

describe('session grants', () => {
  it('lets a builder read the workspace and write the object areas, held to their grants', () => {
    const scopes = scopesOfRole('builder');
    for (const area of ['users', 'groups', 'apps', 'resources', 'folders', 'environments', 'permissions', 'workflows']) {
      expect(hasScope(scopes, `${area}:read` as Scope), area).toBe(true);
    }
    for (const area of ['apps', 'resources', 'folders', 'workflows']) expect(hasScope(scopes, `${area}:write` as Scope), area).toBe(true);
    for (const area of ['users', 'groups', 'environments', 'permissions', 'tokens', 'invites']) {
      expect(hasScope(scopes, `${area}:write` as Scope), area).toBe(false);
    }
    expect(objectWritesOfRole('builder')).toBe('granted');
    expect(objectWritesOfRole('admin')).toBe('any');
    expect(scopesOfRole('end-user')).toEqual([]);
  });

  it('hands a token only what carries no object limit', () => {
    const delegable = delegableScopes(session('builder'));
    expect(delegable.filter((scope) => scope.endsWith(':write'))).toEqual([]);
    expect(delegable).toEqual(expect.arrayContaining(['apps:read', 'resources:read', 'folders:read', 'workflows:read', 'users:read']));
    expect(delegableScopes(session('admin'))).toEqual(['*']);
    expect(delegableScopes({ ...session('builder'), objectWrites: 'any' })).toEqual(scopesOfRole('builder'));
  });
});
