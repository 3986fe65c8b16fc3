import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { DomainError, invalidInput, notFound } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { Envelope, ok } from './envelope.ts';
import { fromRetoolSpaceId } from './ids.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const Ids = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100 });

const CopyElementsBody = Type.Object({
  app_ids: Ids,
  resource_ids: Ids,
  workflow_ids: Ids,
  query_library_query_ids: Ids,
  destination_space_id: Type.String({ maxLength: 100 }),
});

const CopiedElements = Type.Object({
  app_ids: Type.Array(Type.String()),
  resource_ids: Type.Array(Type.String()),
  workflow_ids: Type.Array(Type.String()),
  query_library_query_ids: Type.Array(Type.String()),
});

/**
 * The same token acting in the destination space: another active workspace it may act in,
 * so an instance-wide token (a workspace-bound one is a 403). An unknown or deleted space
 * is a 404, the space the request acts in a 400.
 */
async function destinationActor(services: Services, actor: Actor, spaceId: string): Promise<Actor> {
  const workspaceId = fromRetoolSpaceId(spaceId);
  if (workspaceId === actor.workspaceId) throw invalidInput('destination_space_id', 'is the space the elements are copied from');
  try {
    await services.workspaces.resolve({ boundWorkspaceId: actor.boundWorkspaceId ?? null, requestedWorkspaceId: workspaceId });
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'workspace_not_found' || error.code === 'workspace_archived')) throw notFound('space', spaceId);
    throw error;
  }
  return { ...actor, workspaceId };
}

/**
 * `POST /spaces/copyElements` copies apps, resources and workflows of the space the request
 * acts in into `destination_space_id` (see SpaceCopyService for what each copy keeps), and
 * answers the copies' ids. Toolplane has no query library: a query id is a 400.
 */
export function spaceCopyRoutes(app: RetoolApp, { services }: RetoolContext): void {
  app.post('/spaces/copyElements', {
    config: { scope: 'workspaces:write' }, schema: { body: CopyElementsBody, response: { 201: Envelope(CopiedElements) } },
  }, async (request, reply) => {
    const { app_ids: appIds, resource_ids: resourceIds, workflow_ids: workflowIds, query_library_query_ids: queryIds } = request.body;
    if (queryIds.length > 0) throw invalidInput('query_library_query_ids', 'Toolplane has no query library to copy from');
    const destination = await destinationActor(services, request.actor, request.body.destination_space_id);
    const copied = await services.spaceCopies.copy(request.actor, destination, { appIds, resourceIds, workflowIds });
    reply.code(201);
    return ok({ app_ids: copied.appIds, resource_ids: copied.resourceIds, workflow_ids: copied.workflowIds, query_library_query_ids: [] });
  });
}
