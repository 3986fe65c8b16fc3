import { Type } from 'typebox';
import type { WorkspaceSettings } from '../../core/workspace.service.ts';
import { Envelope, ListEnvelope, ok, wholeList } from './envelope.ts';
import { fromRetoolSpaceId, toRetoolSpaceId } from './ids.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';
import { notFound } from '../../core/errors.ts';

const RetoolSpace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  domain: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** A list is read whole, this many workspaces at a time. */
const SPACES_BATCH = 500;
const Domain = Type.String({ minLength: 1, maxLength: 253 });

const SpaceCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  domain: Domain,
  options: Type.Optional(Type.Object({
    copy_sso_settings: Type.Optional(Type.Boolean()),
    copy_branding_and_themes_settings: Type.Optional(Type.Boolean()),
    users_to_copy_as_admins: Type.Optional(Type.Array(Type.String({ format: 'email', maxLength: 320 }), { maxItems: 1000 })),
    create_admin_user: Type.Optional(Type.Boolean()),
  })),
});

const SpaceReplaceBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), domain: Domain });
const SpaceParams = Type.Object({ spaceId: Type.String({ maxLength: 100 }) });

/** A Retool space is a Toolplane workspace; its `domain` is the workspace's first email domain. */
function present(workspace: WorkspaceSettings) {
  return {
    id: toRetoolSpaceId(workspace.id),
    name: workspace.name,
    domain: workspace.domains[0] ?? '',
    created_at: workspace.createdAt,
    updated_at: workspace.updatedAt,
  };
}

/**
 * Spaces: instance-level, so they need an instance-wide token with the workspaces scope (a
 * token bound to one workspace is refused by the core). A deleted space is an archived
 * workspace, which answers 404 from then on.
 */
export function spacesRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { workspaces, users, unitOfWork } = services;
  const active = async (actor: Parameters<typeof workspaces.getSettings>[0], spaceId: string) => {
    const workspace = await workspaces.getSettings(actor, fromRetoolSpaceId(spaceId));
    if (workspace.status !== 'active') throw notFound('space', spaceId);
    return workspace;
  };

  app.get('/spaces', { config: { scope: 'workspaces:read' }, schema: { response: { 200: ListEnvelope(RetoolSpace) } } }, async (request) => {
    const all: WorkspaceSettings[] = [];
    for (let page = 1; ; page += 1) {
      const { items } = await workspaces.listSettings(request.actor, { status: 'active' }, { page, pageSize: SPACES_BATCH });
      all.push(...items);
      if (items.length < SPACES_BATCH) break;
    }
    return wholeList(all.map(present));
  });

  app.get('/spaces/:spaceId', { config: { scope: 'workspaces:read' }, schema: { params: SpaceParams, response: { 200: Envelope(RetoolSpace) } } }, async (request) =>
    ok(present(await active(request.actor, request.params.spaceId))));

  // The caller becomes the new space's admin, and so does every existing user named in
  // users_to_copy_as_admins. Toolplane has no SSO or branding to copy into a new workspace.
  app.post('/spaces', { config: { scope: 'workspaces:write' }, schema: { body: SpaceCreateBody, response: { 200: Envelope(RetoolSpace) } } }, async (request) => {
    const { name, domain, options } = request.body;
    const workspace = await unitOfWork.run(async () => {
      const created = await workspaces.createSettings(request.actor, { name, domains: [domain] });
      const inSpace = { ...request.actor, workspaceId: created.id };
      for (const email of options?.users_to_copy_as_admins ?? []) {
        if (email.toLowerCase() !== request.actor.email.toLowerCase()) await users.create(inSpace, { email, role: 'admin' });
      }
      return created;
    });
    return ok(present(workspace));
  });

  app.put('/spaces/:spaceId', {
    config: { scope: 'workspaces:write' }, schema: { params: SpaceParams, body: SpaceReplaceBody, response: { 200: Envelope(RetoolSpace) } },
  }, async (request) => {
    const current = await active(request.actor, request.params.spaceId);
    return ok(present(await workspaces.updateSettings(request.actor, current.id, { name: request.body.name, domains: [request.body.domain] })));
  });

  app.delete('/spaces/:spaceId', { config: { scope: 'workspaces:write' }, schema: { params: SpaceParams } }, async (request, reply) => {
    const current = await active(request.actor, request.params.spaceId);
    await workspaces.updateSettings(request.actor, current.id, { status: 'archived' });
    reply.code(204);
    return null;
  });
}
