import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { Change, ObjectKind, Plan } from './plan.ts';
import { requireScopesFor } from './remote-access.ts';

const change = (object: ObjectKind): Change => ({ kind: 'create', object, workspace: 'Acme', key: 'x', fields: [] });
const planOf = (...objects: ObjectKind[]): Plan => ({
  stateFingerprint: 'f', changesDigest: 'd', workspaces: ['Acme'], changes: objects.map(change), summary: { create: objects.length, update: 0, delete: 0 },
});
const actor = (scopes: string[], objectWrites?: Actor['objectWrites']): Actor => ({ userId: 'u', email: 'u@example.com', tokenId: 't', scopes, objectWrites, workspaceId: 'w' });
const refusal = (plan: Plan, who: Actor) => {
  try {
    requireScopesFor(plan, who);
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
};

describe('requireScopesFor', () => {
  it('asks the write scope of each change kind, the one the native route for it asks', () => {
    expect(refusal(planOf('resource'), actor(['groups:write']))).toBe('missing_scope');
    expect(refusal(planOf('resourceConfiguration'), actor(['permissions:write']))).toBe('missing_scope');
    expect(refusal(planOf('permission'), actor(['resources:write']))).toBe('missing_scope');
    expect(refusal(planOf('app'), actor(['folders:write', 'resources:write']))).toBe('missing_scope');
    expect(refusal(planOf('app'), actor(['apps:write']))).toBeUndefined();
    expect(refusal(planOf('resource', 'resourceConfiguration', 'permission', 'group'), actor(['resources:write', 'permissions:write', 'groups:write']))).toBeUndefined();
  });

  it('refuses an actor whose writes reach only granted objects any folder, app, resource or permission change', () => {
    const builder = actor(['*'], 'granted');
    for (const kind of ['folder', 'app', 'resource', 'resourceConfiguration', 'permission'] as const) expect(refusal(planOf(kind), builder)).toBe('object_access');
    expect(refusal(planOf('group', 'member'), builder)).toBeUndefined();
  });
});
