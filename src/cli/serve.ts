import type { Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { openRuntime } from '../runtime/runtime.ts';

/** Log fields that may carry credentials; pino replaces them before a line is written. */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'];

/**
 * Opens the runtime and serves HTTP until SIGTERM or SIGINT. On a signal the server stops
 * accepting connections, lets in-flight requests finish, then closes the database.
 */
export async function serve(config: Config): Promise<void> {
  const runtime = await openRuntime(config);
  const app = await buildApp(runtime, { logger: { level: config.logLevel, redact: REDACTED } });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ database: config.database.dialect }, 'toolplane is ready');
}
