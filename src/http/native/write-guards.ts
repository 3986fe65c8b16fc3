import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod, RouteOptions } from 'fastify';
import { type AuditContext, runAudited } from '../../core/audit.ts';
import { DomainError, invalidInput } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { etagOf, ifMatchHolds, ifNoneMatchHits } from './etags.ts';
import { requestAuditContext } from '../audit-context.ts';

type Handler = (this: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

/** A single-object GET: its handler, and the schema its 200 answer is serialized with (none: JSON.stringify). */
interface Reader {
  handler: Handler;
  schema: Record<string, unknown> | undefined;
}

const JSON_UTF8 = 'application/json; charset=utf-8';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The guards every native route passes through, installed by `guardRoute` as routes are
 * registered:
 * - every route runs with its audit context (who, which request);
 * - a single-object GET (its path ends in a parameter) answers an ETag, a digest of the
 *   body it sends, and honours If-None-Match;
 * - PUT, PATCH and DELETE run in one transaction holding the exclusive lock of the object's
 *   path, and honour If-Match against the ETag its GET would answer (412 when stale);
 * - a POST with an Idempotency-Key runs at most once per key and token.
 */
export class WriteGuards {
  /** GETs by path pattern: what a PUT/PATCH/DELETE on the same path checks against. */
  private readonly readers = new Map<string, Reader>();

  constructor(private readonly services: Services) {}

  guardRoute(route: RouteOptions): void {
    const methods = [route.method].flat();
    const handler = route.handler as Handler;
    const guards = this;
    if (methods.includes('GET')) {
      if (!endsInParameter(route.url)) return;
      this.readers.set(route.url, { handler, schema: (route.schema?.response as Record<number, Record<string, unknown>> | undefined)?.[200] });
      route.handler = async function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
        const representation = await handler.call(this, request, reply);
        return guards.tagged(request, reply, representation);
      } as RouteHandlerMethod;
      return;
    }
    if (!methods.some((method) => WRITE_METHODS.has(method))) return;
    const write = methods.includes('POST')
      ? (request: FastifyRequest, reply: FastifyReply, self: unknown) => this.post(handler, self, request, reply)
      : (request: FastifyRequest, reply: FastifyReply, self: unknown) => this.change(handler, self, route.url, request, reply);
    route.handler = async function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
      return runAudited(auditContextOf(request), () => write(request, reply, this));
    } as RouteHandlerMethod;
  }

  /** Serializes a GET's answer once, here, so its ETag is the digest of exactly the bytes sent. */
  private tagged(request: FastifyRequest, reply: FastifyReply, representation: unknown): unknown {
    if (representation === reply || reply.sent || reply.statusCode !== 200) return representation;
    const body = reply.serialize(representation) as string;
    const etag = etagOf(body);
    reply.header('etag', etag);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && ifNoneMatchHits(ifNoneMatch, etag)) {
      reply.code(304);
      return null;
    }
    // A string with a JSON content type is sent as it is, not serialized again.
    reply.header('content-type', JSON_UTF8);
    return body;
  }

  /** PUT, PATCH, DELETE: one transaction, serialized per object, checked against If-Match. */
  private change(handler: Handler, self: unknown, url: string, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const ifMatch = request.headers['if-match'];
    // The path alone names the lock: ids are unique across workspaces, and a user's path
    // locking their membership in every workspace at once only serializes a little more.
    const lock = concretePath(url, request.params);
    return this.services.unitOfWork.run(async () => {
      if (ifMatch !== undefined) {
        const current = await this.currentEtag(url, self, request, reply);
        if (!ifMatchHolds(ifMatch, current)) {
          throw new DomainError('precondition_failed', 'precondition_failed', current === null
            ? 'If-Match: there is no current representation to match'
            : 'If-Match: the object has changed since that version; GET it again and retry', 'If-Match');
        }
      }
      return handler.call(self, request, reply);
    }, { lock });
  }

  /** The ETag a GET of the same path would answer now, or null when it would fail. */
  private async currentEtag(url: string, self: unknown, request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    const reader = this.readers.get(url);
    if (!reader) return null;
    try {
      const representation = await reader.handler.call(self, request, reply);
      // The serializer the GET answers with, compiled once per schema by Fastify.
      const serialize = reader.schema ? reply.compileSerializationSchema(reader.schema, '200') : JSON.stringify;
      return etagOf(serialize(representation));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  /** POST: runs once per Idempotency-Key; a retry receives the first answer. */
  private async post(handler: Handler, self: unknown, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const key = request.headers['idempotency-key'];
    const owner = request.actor?.tokenId;
    if (key === undefined || !owner) return handler.call(self, request, reply);
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw invalidInput('Idempotency-Key', 'header must be 1 to 255 visible ASCII characters');
    }
    const answer = await this.services.idempotency.run({ owner, key, requestHash: requestHash(request) }, async () => {
      const body = await handler.call(self, request, reply);
      if (reply.sent) throw new Error(`${request.routeOptions.url} sent its reply itself; return the body instead`);
      return { statusCode: reply.statusCode, body };
    });
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    reply.code(answer.statusCode);
    return answer.body;
  }
}

function endsInParameter(url: string): boolean {
  return /\/:[^/]+$/.test(url);
}

/**
 * The route's path with its validated parameters filled in, in lower case: the same object,
 * the same name. An id a route takes as plain text (an app's) may come in either case while
 * ids are stored in lower case; paths differing only in case merely share a lock.
 */
function concretePath(url: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => String(values[name])).toLowerCase();
}

/** What a retry must repeat exactly: method, path, workspace and body. */
function requestHash(request: FastifyRequest): string {
  const path = request.url.split('?')[0];
  const parts = [request.method, path, request.actor.workspaceId, JSON.stringify(request.body ?? null)];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

function auditContextOf(request: FastifyRequest): AuditContext {
  const actor = request.actor;
  if (!actor) return requestAuditContext(request, { actorType: 'public' });
  if (actor.sessionId) return requestAuditContext(request, { actorType: 'session', userId: actor.userId });
  return requestAuditContext(request, { actorType: 'token', tokenId: actor.tokenId, userId: actor.userId });
}
