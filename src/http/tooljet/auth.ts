import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import type { RateLimits } from '../rate-limit.ts';

const BASIC = /^Basic[ \t]+(\S+)[ \t]*$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * ToolJet's scheme: `Authorization: Basic <EXTERNAL_API_ACCESS_TOKEN>`, the raw token (not
 * base64 of a user and password). Digests are compared so the comparison takes the same
 * time whatever the token's length or content.
 *
 * The one access token has one budget; a request with a wrong or missing token counts
 * against its client address's budget, which the native API's failed attempts share.
 */
export function tooljetAuthentication(options: { enabled: boolean; accessToken?: string }, limits: RateLimits) {
  const expected = options.accessToken ? digest(options.accessToken) : null;
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!options.enabled) throw new DomainError('forbidden', 'external_api_disabled', 'External API is disabled');
    await limits.guardAddress(request, reply);
    const match = BASIC.exec(request.headers.authorization ?? '');
    if (!expected || !match || !timingSafeEqual(digest(match[1]!), expected)) {
      await limits.chargeAddress(request, reply);
      throw new DomainError('forbidden', 'unauthorized', 'Unauthorized');
    }
    await limits.chargeCredential(request, reply, TOOLJET_CREDENTIAL);
  };
}

/** The budget key of EXTERNAL_API_ACCESS_TOKEN; native token ids are UUIDs, so it cannot clash. */
const TOOLJET_CREDENTIAL = 'tooljet-external-api';
