import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Harness } from '../../helpers/harness.ts';

export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const TOOLPLANE = 'urn:toolplane:params:scim:schemas:extension:toolplane:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Sends a SCIM request as an identity provider does: `application/scim+json`, the admin token unless `token` says otherwise. */
export function scim(
  h: Harness, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { accept: 'application/scim+json', ...options.headers };
  const token = options.token === undefined ? h.adminToken : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/scim+json';
  return h.app.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }) });
}

export function patchOf(...operations: Array<Record<string, unknown>>) {
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Checks a SCIM error answer: its status, the Error schema with `status` as a string, a detail, and the scimType when given. */
export function expectScimError(response: LightMyRequestResponse, status: number, scimType?: string): string {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
  const body = response.json();
  expect(body.schemas).toEqual([ERROR]);
  expect(body.status).toBe(String(status));
  expect(typeof body.detail).toBe('string');
  expect(body.scimType).toBe(scimType);
  return body.detail as string;
}

/** The ids a list answer holds, in order. */
export function idsOf(response: LightMyRequestResponse): string[] {
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().Resources as Array<{ id: string }>).map((resource) => resource.id);
}

export function filterUrl(path: string, filter: string, extra = ''): string {
  return `${path}?filter=${encodeURIComponent(filter)}${extra}`;
}
