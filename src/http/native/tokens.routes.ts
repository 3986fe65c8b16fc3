import type { IssuedToken as CoreIssuedToken } from '../../core/token.service.ts';
import type { Services } from '../../core/services.ts';
import { NoContent, PageOf, PageQuery, errorResponses } from './common.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';
import { IssuedToken, Token, TokenCreateBody, TokenIdParams } from './tokens.schemas.ts';

const tags = ['Tokens'];

const toIssued = ({ token, secret }: CoreIssuedToken) => ({ ...token, secret });

export function tokensRoutes(app: NativeApp, { tokens }: Services): void {
  app.get('/tokens', {
    config: { scope: 'tokens:read' },
    schema: {
      operationId: 'listTokens', summary: 'List Tokens', tags,
      description: 'Lists the tokens bound to the workspace, oldest first, and the instance-wide ones when the calling token is instance-wide. '
        + 'Never their secrets.',
      querystring: PageQuery,
      response: { 200: PageOf(Token, 'Paginated list of tokens.'), ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await tokens.list(request.actor, page), page, (token) => token);
  });

  app.post('/tokens', {
    config: { scope: 'tokens:write' },
    schema: {
      operationId: 'createToken', summary: 'Create Token', tags,
      description: 'Creates a token acting for the calling token\'s user and answers its secret, once. '
        + 'A scope the calling token lacks is a 403 `scope_escalation`; a binding outside its reach a 403 `workspace_forbidden`.',
      body: TokenCreateBody,
      response: { 201: IssuedToken, ...errorResponses() },
    },
  }, async (request, reply) => {
    reply.code(201);
    return toIssued(await tokens.issue(request.actor, request.body));
  });

  app.get('/tokens/:tokenId', {
    config: { scope: 'tokens:read' },
    schema: {
      operationId: 'getToken', summary: 'Get Token', tags,
      params: TokenIdParams,
      response: { 200: Token, ...errorResponses(404) },
    },
  }, async (request) => tokens.get(request.actor, request.params.tokenId));

  app.delete('/tokens/:tokenId', {
    config: { scope: 'tokens:write' },
    schema: {
      operationId: 'revokeToken', summary: 'Revoke Token', tags,
      description: 'Revokes the token: it is a 401 from then on. A revoked token is a 409 `token_revoked`.',
      params: TokenIdParams,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await tokens.revoke(request.actor, request.params.tokenId);
    reply.code(204);
    return null;
  });

  app.post('/tokens/:tokenId/rotate', {
    config: { scope: 'tokens:write' },
    schema: {
      operationId: 'rotateToken', summary: 'Rotate Token', tags,
      description: 'Gives the token a new secret, answered once; the old secret stops working at once. '
        + 'A token with scopes the calling token lacks is a 403 `scope_escalation`.',
      params: TokenIdParams,
      response: { 200: IssuedToken, ...errorResponses(404, 409) },
    },
  }, async (request) => toIssued(await tokens.rotate(request.actor, request.params.tokenId)));
}
