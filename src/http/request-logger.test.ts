import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestLogger } from './request-logger.ts';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A server logging JSON lines at `level` into the answered array. */
function serverLoggingAt(level: string) {
  const lines: Record<string, unknown>[] = [];
  const server: FastifyInstance = Fastify({
    logger: { level, stream: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } },
    childLoggerFactory: requestLogger,
  });
  app = server;
  return { server, lines, child: vi.spyOn(server.log, 'child') };
}

describe('requestLogger', () => {
  it('writes a request\'s lines with its id, from one child made at its first line', async () => {
    const { server, lines, child } = serverLoggingAt('warn');
    server.get('/noisy', async (request) => {
      request.log.info('not at warn');
      request.log.warn({ step: 1 }, 'first');
      request.log.error('second');
      return { ok: true };
    });
    expect((await server.inject({ url: '/noisy' })).statusCode).toBe(200);
    expect(lines.map(({ level, msg, step }) => ({ level, msg, step }))).toEqual([
      { level: 40, msg: 'first', step: 1 },
      { level: 50, msg: 'second' },
    ]);
    expect(lines[0]!.reqId).toEqual(expect.any(String));
    expect(lines[1]!.reqId).toBe(lines[0]!.reqId);
    expect(child).toHaveBeenCalledTimes(1);
  });

  it('makes no child for a request that logs nothing at an enabled level', async () => {
    const { server, lines, child } = serverLoggingAt('warn');
    server.get('/quiet', async (request) => {
      request.log.info('below the level');
      request.log.debug('far below');
      return { ok: true };
    });
    expect((await server.inject({ url: '/quiet' })).statusCode).toBe(200);
    expect(lines).toEqual([]);
    expect(child).not.toHaveBeenCalled();
  });

  it('writes every request\'s own lines at info, each with its id', async () => {
    const { server, lines } = serverLoggingAt('info');
    server.get('/', async () => ({ ok: true }));
    await server.inject({ url: '/' });
    await server.inject({ url: '/' });
    const ids = lines.filter((line) => line.msg === 'incoming request').map((line) => line.reqId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(lines.filter((line) => line.msg === 'request completed').map((line) => line.reqId)).toEqual(ids);
  });

  it('gives a route with a level of its own the lines of that level', async () => {
    const { server, lines } = serverLoggingAt('warn');
    server.get('/chatty', { logLevel: 'debug' }, async (request) => {
      request.log.debug('shown');
      return { ok: true };
    });
    await server.inject({ url: '/chatty' });
    expect(lines.map((line) => line.msg)).toContain('shown');
  });
});
