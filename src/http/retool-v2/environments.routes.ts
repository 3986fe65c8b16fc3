import type { Environment } from '../../core/environment.service.ts';
import { ok, wholeList } from './envelope.ts';
import {
  EnvironmentCreateBody, EnvironmentEnvelope, EnvironmentListEnvelope, EnvironmentParams, EnvironmentPatchedFields,
} from './environments.schemas.ts';
import { PatchBody, applyPatch, checkPatched } from './json-patch.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

/** A colour Toolplane keeps none of answers black: Retool's environments always have one. */
const NO_COLOR = '#000000';

/** Retool's environment: an empty description is null, the colour as Toolplane keeps it (lower case). */
export function presentEnvironment(environment: Environment) {
  return {
    id: environment.id,
    name: environment.name,
    description: environment.description === '' ? null : environment.description,
    color: environment.color ?? NO_COLOR,
    default: environment.isDefault,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
  };
}

export function environmentsRoutes(app: RetoolApp, { services: { environments } }: RetoolContext): void {
  app.get('/environments', { config: { scope: 'environments:read' }, schema: { response: { 200: EnvironmentListEnvelope } } }, async (request) =>
    wholeList((await environments.list(request.actor)).map(presentEnvironment)));

  app.get('/environments/:environmentId', {
    config: { scope: 'environments:read' }, schema: { params: EnvironmentParams, response: { 200: EnvironmentEnvelope } },
  }, async (request) => ok(presentEnvironment(await environments.get(request.actor, request.params.environmentId))));

  app.post('/environments', {
    config: { scope: 'environments:write' }, schema: { body: EnvironmentCreateBody, response: { 200: EnvironmentEnvelope } },
  }, async (request) => {
    const { name, description, color, default: isDefault } = request.body;
    return ok(presentEnvironment(await environments.create(request.actor, { name, description: description ?? '', color, isDefault })));
  });

  app.patch('/environments/:environmentId', {
    config: { scope: 'environments:write' }, schema: { params: EnvironmentParams, body: PatchBody, response: { 200: EnvironmentEnvelope } },
  }, async (request) => {
    const current = presentEnvironment(await environments.get(request.actor, request.params.environmentId));
    const patched = applyPatch(current, request.body.operations, ['name', 'description', 'color', 'default']);
    checkPatched(EnvironmentPatchedFields, patched);
    const updated = await environments.update(request.actor, request.params.environmentId, {
      name: patched.name as string,
      description: (patched.description as string | null) ?? '',
      color: patched.color === current.color ? undefined : patched.color as string,
      isDefault: patched.default === current.default ? undefined : patched.default as boolean,
    });
    return ok(presentEnvironment(updated));
  });

  app.delete('/environments/:environmentId', {
    config: { scope: 'environments:write' }, schema: { params: EnvironmentParams },
  }, async (request, reply) => {
    await environments.delete(request.actor, request.params.environmentId);
    reply.code(204);
    return null;
  });
}
