import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import type { ClientInfo } from '../../core/session.service.ts';
import type { Services } from '../../core/services.ts';
import { errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import { CSRF_HEADER, SESSION_COOKIE, type SessionCookieOptions, refuseCrossSite } from './session-auth.ts';
import {
  Me, PasswordChangeBody, ProfileUpdateBody, SessionIdParams, SessionList, SignInBody, SignedIn,
} from './sign-in.schemas.ts';

const tags = ['Sign-in'];

export interface SignInRouteOptions extends SessionCookieOptions {
  /** Whether PUBLIC_URL is https: the cookie is then sent over https only. */
  secureCookie: boolean;
}

/**
 * People sign in with a password and get a session cookie (`HttpOnly`, `SameSite=Lax`,
 * `Secure` behind https); `/me` is the signed-in person's own account and sessions. The
 * personal routes take a token too, acting for the token's user.
 */
export function signInRoutes(app: NativeApp, { signIn, sessions, me }: Services, options: SignInRouteOptions): void {
  const clientOf = (request: FastifyRequest): ClientInfo => ({
    address: request.ip, userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
  });

  app.post('/auth/login', {
    config: { public: true },
    schema: {
      operationId: 'signIn', summary: 'Sign in', tags, security: [],
      description: `Checks the email and password and starts a session, set as the \`${SESSION_COOKIE}\` cookie. Send the \`${CSRF_HEADER}\` `
        + 'header (any value). Every failure is the same 401 `invalid_credentials`; repeated failures per account or address are a 429. '
        + 'An account with two-factor on also needs `totpCode` or `recoveryCode`: with the right password and neither, the answer is a '
        + '401 `second_factor_required`; a wrong or reused code is an `invalid_credentials` failure.',
      body: SignInBody,
      response: { 200: SignedIn, ...errorResponses() },
    },
  }, async (request, reply) => {
    refuseCrossSite(request, options);
    if (request.headers[CSRF_HEADER] === undefined) {
      throw new DomainError('forbidden', 'csrf_header_missing', `Signing in must carry the ${CSRF_HEADER} header`);
    }
    const client = clientOf(request);
    const started = await signIn.signIn(request.body, client);
    setSessionCookie(reply, started.secret, started.session.expiresAt, options.secureCookie);
    return { me: started.me, session: started.session };
  });

  app.post('/auth/logout', {
    config: { personal: true },
    schema: {
      operationId: 'signOut', summary: 'Sign out', tags,
      description: 'Ends the session making the request and clears its cookie. A request made with a token has no session to end (400).',
      response: { 204: { type: 'null', description: 'Signed out.' }, ...errorResponses() },
    },
  }, async (request, reply) => {
    const sessionId = request.actor.sessionId;
    if (!sessionId) throw new DomainError('invalid_input', 'no_session', 'This request was made with a token, not a session');
    await sessions.end(request.actor.userId, sessionId, 'sign_out', clientOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.code(204);
  });

  app.get('/me', {
    config: { personal: true },
    schema: {
      operationId: 'getMe', summary: 'Get the signed-in person', tags,
      description: 'The person the session (or token) acts for, with the workspaces they belong to and their role in each.',
      response: { 200: Me, ...errorResponses() },
    },
  }, async (request) => me.get(request.actor.userId));

  app.patch('/me', {
    config: { personal: true },
    schema: {
      operationId: 'updateMe', summary: 'Change one\'s own names', tags,
      description: 'Changes the first and last name of one\'s own account, in every workspace that shows the account\'s names.',
      body: ProfileUpdateBody,
      response: { 200: Me, ...errorResponses() },
    },
  }, async (request) => me.updateProfile(request.actor.userId, request.body));

  app.post('/me/password', {
    config: { personal: true },
    schema: {
      operationId: 'changeMyPassword', summary: 'Change one\'s own password', tags,
      description: 'Sets a new password once the current one is given (when the account has one), and ends every other session '
        + 'of the person. A wrong current password is a 403 `wrong_password`.',
      body: PasswordChangeBody,
      response: { 204: { type: 'null', description: 'Changed.' }, ...errorResponses() },
    },
  }, async (request, reply) => {
    await me.changePassword(request.actor.userId, request.actor.sessionId ?? null, request.body);
    reply.code(204);
    return null;
  });

  app.get('/me/sessions', {
    config: { personal: true },
    schema: {
      operationId: 'listMySessions', summary: 'List one\'s sessions', tags,
      description: 'The person\'s live sessions, newest first; `current` marks the one making the request.',
      response: { 200: SessionList, ...errorResponses() },
    },
  }, async (request) => ({ data: await sessions.list(request.actor.userId, request.actor.sessionId ?? null) }));

  app.delete('/me/sessions/:sessionId', {
    config: { personal: true },
    schema: {
      operationId: 'endMySession', summary: 'End one of one\'s sessions', tags,
      description: 'Signs the session out wherever it is used. Another person\'s session, or an unknown one, is a 404.',
      params: SessionIdParams,
      response: { 204: { type: 'null', description: 'Ended.' }, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await sessions.end(request.actor.userId, request.params.sessionId, 'ended', clientOf(request));
    if (request.params.sessionId === request.actor.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.code(204);
  });
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind https, until the session's absolute end. */
export function setSessionCookie(reply: FastifyReply, secret: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}
