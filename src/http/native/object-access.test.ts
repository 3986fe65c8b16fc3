import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../core/services.ts';
import { ObjectAccessGuard } from './object-access.ts';

const guard = new ObjectAccessGuard({} as Services);
const route = (method: string, url: string, config: Record<string, unknown>) =>
  ({ method, url, config, handler: () => null }) as unknown as RouteOptions;

describe('object declarations', () => {
  it('refuses at startup a write of the object areas that declares no object', () => {
    expect(() => guard.guardRoute(route('PUT', '/api/v1/apps/:appId', { scope: 'apps:write' }))).toThrow(/declares no object/);
    expect(() => guard.guardRoute(route('POST', '/api/v1/workflows', { scope: 'workflows:write' }))).toThrow(/declares no object/);
  });

  it('refuses a declaration that does not fit its route', () => {
    const misnamed = route('DELETE', '/api/v1/apps/:appId', { scope: 'apps:write', object: { type: 'app', param: 'id' } });
    expect(() => guard.guardRoute(misnamed)).toThrow(/neither named/);
    const mistyped = route('DELETE', '/api/v1/apps/:appId', { scope: 'apps:write', object: { type: 'folder', param: 'appId' } });
    expect(() => guard.guardRoute(mistyped)).toThrow(/declares a folder/);
    const neither = route('POST', '/api/v1/apps', { scope: 'apps:write', object: { type: 'app' } });
    expect(() => guard.guardRoute(neither)).toThrow(/neither named/);
    const read = route('GET', '/api/v1/apps/:appId', { scope: 'apps:read', object: { type: 'app', param: 'appId' } });
    expect(() => guard.guardRoute(read)).toThrow(/writes nothing/);
  });

  it('installs the check on declared routes and leaves others alone', () => {
    const declared = route('PUT', '/api/v1/apps/:appId', { scope: 'apps:write', object: { type: 'app', param: 'appId' } });
    guard.guardRoute(declared);
    expect([declared.preValidation].flat()).toHaveLength(1);
    const other = route('POST', '/api/v1/groups', { scope: 'groups:write' });
    guard.guardRoute(other);
    expect(other.preValidation).toBeUndefined();
    const read = route('GET', '/api/v1/apps/:appId', { scope: 'apps:read' });
    guard.guardRoute(read);
    expect(read.preValidation).toBeUndefined();
  });
});
