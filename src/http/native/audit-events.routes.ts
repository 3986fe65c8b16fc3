import type { Services } from '../../core/services.ts';
import { errorResponses } from './common.schemas.ts';
import { AuditEventList, AuditEventListQuery } from './audit-events.schemas.ts';
import type { NativeApp } from './native-app.ts';

const tags = ['Audit Log'];

/** The audit log: read-only; events are recorded by the writes themselves. */
export function auditEventsRoutes(app: NativeApp, { auditLog }: Services): void {
  app.get('/auditEvents', {
    config: { scope: 'audit:read' },
    schema: {
      operationId: 'listAuditEvents', summary: 'List Audit Events', tags,
      description: 'Lists the recorded writes of the workspace, newest first, and for an instance-wide token also the instance-level ones '
        + '(accounts, instance-wide tokens). Every successful write records one event in its own transaction; a refused write, '
        + 'and a write that changes nothing (adding a present group member, an update with the current values), record none. '
        + 'Pages follow `nextCursor`, so events recorded meanwhile never make a page repeat or skip one.',
      querystring: AuditEventListQuery,
      response: { 200: AuditEventList, ...errorResponses() },
    },
  }, async (request) => {
    const { limit, cursor, ...query } = request.query;
    const page = await auditLog.list(request.actor, query, { limit: limit ?? 100, cursor });
    return { data: page.events, nextCursor: page.nextCursor };
  });
}
