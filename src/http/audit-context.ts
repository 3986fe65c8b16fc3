import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../core/audit.ts';

/**
 * The audit context of an HTTP request: who (given), and the request's id, client address
 * and user agent, so every audited write says where it came from.
 */
export function requestAuditContext(request: FastifyRequest, actor: Omit<AuditContext, 'requestId' | 'address' | 'userAgent'>): AuditContext {
  const userAgent = request.headers['user-agent'];
  return { ...actor, requestId: request.id, address: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}
