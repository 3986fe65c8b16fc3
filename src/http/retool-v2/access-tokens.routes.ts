import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import type { TokenView } from '../../core/token.service.ts';
import { toRetoolScopes, toToolplaneScopes } from './access-token-scopes.ts';
import { Envelope, ListEnvelope, Nullable, ok, wholeList } from './envelope.ts';
import { readAll } from './paging.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const accessTokenFields = {
  id: Type.String(),
  label: Type.String(),
  description: Nullable(Type.String()),
  last4: Type.String(),
  owner_legacy_id: Type.Number(),
  scopes: Type.Array(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
};
const AccessToken = Type.Object(accessTokenFields);
const IssuedAccessToken = Type.Object({ ...accessTokenFields, access_token: Type.String() });

const AccessTokenCreateBody = Type.Object({
  label: Type.String({ minLength: 2, maxLength: 255, pattern: '\\S' }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  scopes: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }),
});

const AccessTokenParams = Type.Object({ accessTokenId: Type.String({ maxLength: 100 }) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Retool's access token over a Toolplane token: `label` is its name, `scopes` the Retool
 * scopes its Toolplane scopes cover. Toolplane keeps the secret's first characters, not its
 * last: `last4` is the four after `tp_`. Tokens change only by rotation, which is not dated:
 * `updated_at` is the creation time.
 */
async function presentTokens(services: Services, tokens: readonly TokenView[]) {
  const owners = await services.retool.legacyIds('user', [...new Set(tokens.map((token) => token.userId))]);
  return tokens.map((token) => ({
    id: token.id,
    label: token.name,
    description: token.description,
    last4: token.prefix.slice(-4),
    owner_legacy_id: owners.get(token.userId)!,
    scopes: toRetoolScopes(token.scopes),
    created_at: token.createdAt,
    updated_at: token.createdAt,
  }));
}

/** A token of the actor's reach that still works; a revoked one is gone for Retool's clients (404). */
async function liveToken(services: Services, actor: Actor, id: string): Promise<TokenView> {
  if (!UUID.test(id)) throw notFound('access token', id);
  const token = await services.tokens.get(actor, id);
  if (token.revokedAt) throw notFound('access token', id);
  return token;
}

/**
 * Access tokens: Toolplane's API tokens, with the rights of /api/v1/tokens (`tokens:read`
 * to see, `tokens:write` to create). A token made here acts for the caller's user and is
 * bound to the workspace the request acts in; its scopes must be held by the caller's own
 * token (403), and it expires when the caller's does (Retool's create takes no expiry). The
 * secret is answered once, by the create.
 */
export function accessTokensRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { tokens } = services;

  app.get('/access_tokens', { config: { scope: 'tokens:read' }, schema: { response: { 200: ListEnvelope(AccessToken) } } }, async (request) => {
    const all = await readAll((page) => tokens.list(request.actor, page));
    return wholeList(await presentTokens(services, all.filter((token) => !token.revokedAt)));
  });

  app.post('/access_tokens', {
    config: { scope: 'tokens:write' }, schema: { body: AccessTokenCreateBody, response: { 200: Envelope(IssuedAccessToken) } },
  }, async (request) => {
    const { label, description, scopes } = request.body;
    const issued = await tokens.issue(request.actor, {
      name: label, description, scopes: toToolplaneScopes(scopes), workspaceId: request.actor.workspaceId, expiresWithCaller: true,
    });
    const [presented] = await presentTokens(services, [issued.token]);
    return ok({ ...presented!, access_token: issued.secret });
  });

  app.get('/access_tokens/:accessTokenId', {
    config: { scope: 'tokens:read' }, schema: { params: AccessTokenParams, response: { 200: Envelope(AccessToken) } },
  }, async (request) => {
    const [presented] = await presentTokens(services, [await liveToken(services, request.actor, request.params.accessTokenId)]);
    return ok(presented!);
  });
}
