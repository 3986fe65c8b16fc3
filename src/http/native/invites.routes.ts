import type { Static } from 'typebox';
import type { Invite as CoreInvite, IssuedInvite as CoreIssuedInvite } from '../../core/invites.ts';
import type { Outcome } from '../../core/outcomes.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimitHook } from '../rate-limit.ts';
import { itemChecker, oneOrManyValidator } from './bulk-body.ts';
import { ErrorBody, NoContent, PageOf, errorResponses } from './common.schemas.ts';
import { toNativeError } from './errors.ts';
import {
  AcceptedInvite, Invite, InviteAcceptBody, InviteBatchResult, InviteCreateBody, InviteCreateRequest, InviteIdParams, InviteListQuery,
  InviteResendBody, IssuedInvite,
} from './invites.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';

const tags = ['Invites'];

const toNativeInvite = (invite: CoreInvite) => invite;
const toIssued = ({ invite, acceptUrl }: CoreIssuedInvite) => (acceptUrl === undefined ? invite : { ...invite, acceptUrl });

type InviteCreateItem = Static<typeof InviteCreateBody>;
const checkCreateItem = itemChecker(InviteCreateBody);

/** Outcomes in request order: the parse failures where they were, the core's outcomes for the rest. */
function toBatchAnswer(parsed: Outcome<InviteCreateItem>[], created: Outcome<CoreIssuedInvite>[]) {
  const results = created.values();
  const data = parsed.map((item, index) => {
    const outcome = item.ok ? results.next().value! : item;
    if (outcome.ok) return { index, status: 201, invite: toIssued(outcome.value) };
    const { status, body } = toNativeError(outcome.error);
    return { index, status, error: body };
  });
  const createdCount = data.filter((item) => item.status === 201).length;
  return { data, created: createdCount, failed: data.length - createdCount };
}

export function invitesRoutes(app: NativeApp, { invites, inviteAcceptance }: Services, acceptLimit: RateLimitHook): void {
  app.get('/invites', {
    config: { scope: 'invites:read' },
    schema: {
      operationId: 'listInvites', summary: 'List Invites', tags,
      description: 'Lists the workspace\'s invites, oldest first, optionally in one state only.',
      querystring: InviteListQuery,
      response: { 200: PageOf(Invite, 'Paginated list of invites.'), ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await invites.list(request.actor, request.query.status, page), page, toNativeInvite);
  });

  app.post('/invites', {
    config: { scope: 'invites:write' },
    validatorCompiler: oneOrManyValidator(InviteCreateBody),
    schema: {
      operationId: 'createInvites', summary: 'Create Invites', tags,
      description: 'Invites people to the workspace by email: one invite (201) or an array of them (207, answered per item). '
        + 'The invitation email is sent when SMTP is configured; otherwise the response carries the accept link, once.',
      body: InviteCreateRequest,
      response: { 201: IssuedInvite, 207: InviteBatchResult, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    const body = request.body as InviteCreateItem | unknown[];
    if (!Array.isArray(body)) {
      reply.code(201);
      return toIssued(await invites.create(request.actor, body));
    }
    const parsed = body.map(checkCreateItem);
    const created = await invites.createMany(request.actor, parsed.flatMap((item) => (item.ok ? [item.value] : [])));
    reply.code(207);
    return toBatchAnswer(parsed, created);
  });

  app.post('/invites/accept', {
    config: { public: true },
    onRequest: acceptLimit,
    // Public: the invite token in the body is the credential, so the operation asks for no Bearer token.
    schema: {
      operationId: 'acceptInvite', summary: 'Accept Invite', tags, security: [],
      description: 'Accepts an invite with the token of its link, as the invite page does; no API token. Limited to 10 attempts '
        + 'a minute per client address (429 `rate_limited`). An unknown token is a 404 `invalid_token`, a used, revoked or '
        + 'expired one a 410 `invite_gone`.',
      body: InviteAcceptBody,
      response: { 200: AcceptedInvite, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 429: ErrorBody },
    },
  }, async (request) => inviteAcceptance.accept(request.body));

  app.get('/invites/:inviteId', {
    config: { scope: 'invites:read' },
    schema: {
      operationId: 'getInvite', summary: 'Get Invite', tags,
      params: InviteIdParams,
      response: { 200: Invite, ...errorResponses(404) },
    },
  }, async (request) => toNativeInvite(await invites.get(request.actor, request.params.inviteId)));

  app.delete('/invites/:inviteId', {
    config: { scope: 'invites:write' },
    schema: {
      operationId: 'revokeInvite', summary: 'Revoke Invite', tags,
      description: 'Revokes a pending or expired invite: its link stops working. An accepted or revoked invite is a 409.',
      params: InviteIdParams,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await invites.revoke(request.actor, request.params.inviteId);
    reply.code(204);
    return null;
  });

  app.post('/invites/:inviteId/resend', {
    config: { scope: 'invites:write' },
    schema: {
      operationId: 'resendInvite', summary: 'Resend Invite', tags,
      description: 'Issues a new link for a pending or expired invite (earlier links stop working), renews its expiry and sends the email again.',
      params: InviteIdParams,
      body: InviteResendBody,
      response: { 200: IssuedInvite, ...errorResponses(404, 409) },
    },
    // The body is optional: no body means the defaults.
    preValidation: async (request) => {
      request.body ??= {};
    },
  }, async (request) => toIssued(await invites.resend(request.actor, request.params.inviteId, request.body?.expiresInDays)));
}
