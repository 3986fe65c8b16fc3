import type { FastifyError, FastifyRequest, RouteOptions, preValidationHookHandler } from 'fastify';
import type { AccessLevel, ObjectType } from '../../core/access.ts';
import type { AccessDemand } from '../../core/permission.service.ts';
import type { Services } from '../../core/services.ts';

/**
 * The object a write route of apps, resources, folders or workflows acts on, declared as
 * `config.object`:
 * - `param`: the path parameter naming the existing object the route changes, which needs
 *   `level` (by default `own` to DELETE, `edit` for any other write);
 * - `creates`: the route makes a new object, which at the top level needs nothing more;
 * - `folderField`: the body field naming the folder the object is created in or moved to,
 *   which needs `edit`;
 * - `uses`: a body field listing objects the object will use (an app's resources), each of
 *   which needs `use`.
 */
export type ObjectTarget =
  | { type: ObjectType; param: string; level?: AccessLevel; folderField?: string; uses?: UsedObjects }
  | { type: ObjectType; creates: true; folderField?: string; uses?: UsedObjects };

/** A body field listing the ids of objects of one type, at most `maxItems` of them (the body's schema refuses more). */
export interface UsedObjects {
  field: string;
  type: ObjectType;
  maxItems: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a write route of the object areas acts on; see ObjectTarget. */
    object?: ObjectTarget;
  }
}

/** The write scopes whose routes act on objects with effective access, and the type each reaches. */
const OBJECT_AREAS: Readonly<Record<string, ObjectType>> = {
  'apps:write': 'app', 'resources:write': 'resource', 'folders:write': 'folder', 'workflows:write': 'workflow',
};
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Holds actors whose writes reach only what they are granted (a builder's session) to their
 * effective access, on every route declaring `config.object`; PermissionService decides.
 * The check runs before the body is validated, as the scope check does, so a refused
 * request learns nothing about its input; it reads the folder named in the body only when
 * it is a string, which is all validation would let through. Tokens, admins' sessions and
 * local work pass without a read.
 */
export class ObjectAccessGuard {
  constructor(private readonly services: Services) {}

  /**
   * At registration: refuses (a startup error) a write route of the object areas that
   * declares no object, and a declaration that does not fit its route; installs the check.
   */
  guardRoute(route: RouteOptions): void {
    const target = declaredTarget(route);
    if (!target) return;
    const check: preValidationHookHandler = (request, _reply, done) => {
      if (request.actor?.objectWrites !== 'granted') {
        done();
        return;
      }
      this.services.permissions.requireAccess(request.actor, demandsOf(target, request))
        .then(() => done(), (error: unknown) => done(error as FastifyError));
    };
    const existing = route.preValidation;
    route.preValidation = existing === undefined ? [check] : [...[existing].flat(), check];
  }
}

function declaredTarget(route: RouteOptions): ObjectTarget | undefined {
  const methods = [route.method].flat();
  const where = `native route ${methods.join(',')} ${route.url}`;
  const scope = route.config?.scope;
  const areaType = scope === undefined ? undefined : OBJECT_AREAS[scope];
  const writes = methods.some((method) => WRITE_METHODS.has(method));
  const target = route.config?.object;
  if (!target) {
    if (areaType !== undefined && writes) throw new Error(`${where} writes ${scope} but declares no object it acts on or creates (config.object)`);
    return undefined;
  }
  if (!writes) throw new Error(`${where} declares an object but writes nothing`);
  if (areaType !== undefined && target.type !== areaType) throw new Error(`${where} writes ${scope} but declares a ${target.type}`);
  if ('param' in target ? !route.url.split('/').includes(`:${target.param}`) : target.creates !== true) {
    throw new Error(`${where} declares an object neither named by one of its path parameters nor created`);
  }
  return target;
}

/** What the request needs: the object its path names, then the folder its body names, then the objects it will use. */
function demandsOf(target: ObjectTarget, request: FastifyRequest): AccessDemand[] {
  const demands: AccessDemand[] = [];
  if ('param' in target) {
    const id = (request.params as Record<string, unknown> | undefined)?.[target.param];
    const level = target.level ?? (request.method === 'DELETE' ? 'own' : 'edit');
    if (typeof id === 'string') demands.push({ object: { type: target.type, id }, level });
  }
  const body = typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body)
    ? request.body as Record<string, unknown>
    : {};
  const folderId = target.folderField ? body[target.folderField] : undefined;
  if (typeof folderId === 'string') demands.push({ object: { type: 'folder', id: folderId }, level: 'edit', field: target.folderField });
  const used = target.uses ? body[target.uses.field] : undefined;
  // A longer list is refused by validation, after this check: it is not worth a read per item.
  if (Array.isArray(used) && used.length <= target.uses!.maxItems) {
    for (const id of new Set(used.filter((value): value is string => typeof value === 'string'))) {
      demands.push({ object: { type: target.uses!.type, id }, level: 'use', field: target.uses!.field });
    }
  }
  return demands;
}
