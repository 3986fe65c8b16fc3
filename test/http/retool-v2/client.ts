import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Harness, RequestOptions } from '../../helpers/harness.ts';
import { retoolSpecErrors } from '../../helpers/retool-v2-spec.ts';

/**
 * Sends a Retool API v2 request and checks the answer against the spec's schema (exactly
 * the spec's fields, its required ones present): every /api/v2 answer the suite gets goes
 * through here.
 */
export async function v2(h: Harness, method: InjectOptions['method'], url: string, options: RequestOptions = {}): Promise<LightMyRequestResponse> {
  const response = await h.request(method, url, options);
  expect(retoolSpecErrors(String(method), url, response.statusCode, response.body), `${method} ${url} answered ${response.body}`).toEqual([]);
  return response;
}
