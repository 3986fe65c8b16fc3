import type { FastifyInstance, InjectOptions } from 'fastify';

/** Budgets small enough to spend in a test: three requests a window per token and per address. */
export const SMALL = { perToken: 3, perAddress: 3 };

/** Sends a request from `address` (default 127.0.0.1) with a Bearer or Basic credential when given. */
export function send(app: FastifyInstance, method: InjectOptions['method'], url: string, options: { bearer?: string; basic?: string; address?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.basic !== undefined) headers.authorization = `Basic ${options.basic}`;
  return app.inject({ method, url, headers, remoteAddress: options.address ?? '127.0.0.1' });
}
