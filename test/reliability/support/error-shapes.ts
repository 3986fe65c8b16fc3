import type { LightMyRequestResponse } from 'fastify';
import type { Dialect } from './routes.ts';

/** Why a response is not in its dialect's error shape, or null when it is. */
export function errorShapeProblem(dialect: Dialect, response: LightMyRequestResponse): string | null {
  if (dialect === 'invite-page') {
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) return null;
    // A path the invite page's route no longer matches (`/invite/`) is an unknown path, answered as the server's 404.
    if (response.statusCode === 404 && errorShapeProblem('native', response) === null) return null;
    return 'the invite page answers errors as HTML';
  }
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return 'body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const record = body as Record<string, unknown>;
  if (dialect === 'scim') {
    if (!String(response.headers['content-type'] ?? '').startsWith('application/scim+json')) return 'SCIM errors are application/scim+json';
    const keys = Object.keys(record).filter((key) => key !== 'scimType').sort().join(',');
    if (keys !== 'detail,schemas,status') return `SCIM error keys are ${keys}`;
    if (JSON.stringify(record.schemas) !== '["urn:ietf:params:scim:api:messages:2.0:Error"]') return 'schemas is not the Error schema';
    if (record.status !== String(response.statusCode)) return 'status is not the HTTP status as a string';
    if (typeof record.detail !== 'string' || record.detail.length === 0) return 'detail is not a string';
    return null;
  }
  if (dialect === 'retool-v2') {
    if (Object.keys(record).sort().join() !== 'message,success') return `Retool error keys are ${Object.keys(record).join(',')}`;
    return record.success === false && typeof record.message === 'string' && record.message.length > 0 ? null : 'not {success: false, message}';
  }
  if (dialect === 'tooljet') {
    const keys = Object.keys(record).sort().join(',');
    if (keys !== 'code,message,path,statusCode,timestamp') return `ToolJet error keys are ${keys}`;
    if (record.statusCode !== response.statusCode) return 'statusCode differs from the status';
    if (typeof record.timestamp !== 'string' || Number.isNaN(Date.parse(record.timestamp))) return 'timestamp is not a time';
    if (typeof record.path !== 'string' || !record.path.startsWith('/')) return 'path is not a path';
    const messageOk = typeof record.message === 'string'
      || (Array.isArray(record.message) && record.message.length > 0 && record.message.every((item) => typeof item === 'string'));
    if (!messageOk) return 'message is neither a string nor a list of strings';
    if (typeof record.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(record.code)) return 'code is not snake_case';
    return null;
  }
  const keys = Object.keys(record);
  if (keys.some((key) => !['message', 'code', 'field'].includes(key))) return `native error keys are ${keys.join(',')}`;
  if (typeof record.message !== 'string' || record.message.length === 0) return 'message is not a string';
  if (typeof record.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(record.code)) return `code ${String(record.code)} is not snake_case`;
  if ('field' in record && typeof record.field !== 'string') return 'field is not a string';
  return null;
}
