import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';

const BASIC = /^Basic[ \t]+(\S+)[ \t]*$/i;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * ToolJet's scheme: `Authorization: Basic <EXTERNAL_API_ACCESS_TOKEN>`, the raw token (not
 * base64 of a user and password). Digests are compared so the comparison takes the same
 * time whatever the token's length or content.
 */
export function tooljetAuthentication(options: { enabled: boolean; accessToken?: string }) {
  const expected = options.accessToken ? digest(options.accessToken) : null;
  return async function authenticate(request: FastifyRequest): Promise<void> {
    if (!options.enabled) throw new DomainError('forbidden', 'external_api_disabled', 'External API is disabled');
    const match = BASIC.exec(request.headers.authorization ?? '');
    if (!expected || !match || !timingSafeEqual(digest(match[1]!), expected)) {
      throw new DomainError('forbidden', 'unauthorized', 'Unauthorized');
    }
  };
}
