import type { FastifyInstance } from 'fastify';
import { RETRY_AFTER_SECONDS } from '../core/errors.ts';
import type { DatabaseHandle } from '../db/database.ts';

/** /healthz answers while the process runs; /readyz only while the database answers too. */
export async function healthRoutes(app: FastifyInstance, options: { database: DatabaseHandle }) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await options.database.ping();
      return { status: 'ok', database: 'ok' };
    } catch (error) {
      request.log.warn({ err: error }, 'database is not answering');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
