import type { FastifyRequest } from 'fastify';

/** What stands in for a secret in an answer or a log line. */
export const REDACTED = '[redacted]';

/**
 * Paths whose rest carries a secret: the invite page's `/invite/<token>` and the password
 * reset page's `/reset-password/<token>`. Whatever follows the prefix is cut, so a mangled
 * link (`/invite/<token>/x`, `/invite/<token>%ZZ`, an encoded slash) gives nothing away
 * either. Case and repeated slashes are ignored, as a client may change both.
 */
const SECRET_PATH = /^(\/+(invite|reset-password))(?:\/|%2f)/i;

/** The page a secret-bearing path belongs to. */
export type SecretPage = 'invite' | 'reset-password';

/**
 * Query parameter names that say they hold a credential (`token`, `access_token`, `secret`,
 * `password`, `api_key`, `signature`, `auth`, `session`...), and the `code` and `state` an
 * OpenID provider sends back to the sign-in callback. Only logs see them redacted; a query
 * string is never echoed in an answer.
 */
const SECRET_QUERY_NAME = /token|secret|passw|pwd|key|sig|credential|auth|session|cookie|^code$|^state$/i;

/** True when `path` (no query string) belongs to a route whose path carries a secret. */
export function isSecretPath(path: string): boolean {
  return SECRET_PATH.test(path);
}

/** The page whose secret `path` (no query string) carries, or null for a path without one. */
export function secretPageOf(path: string): SecretPage | null {
  return (SECRET_PATH.exec(path)?.[2]?.toLowerCase() as SecretPage | undefined) ?? null;
}

/** `path` as it may be shown: the secret part of a secret-bearing path replaced by `[redacted]`. */
export function redactPath(path: string): string {
  const match = SECRET_PATH.exec(path);
  return match ? `${match[1]}/${REDACTED}` : path;
}

/** A request URL as it may be logged: its path redacted, and the values of credential-like query parameters. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redactPath(url);
  return `${redactPath(url.slice(0, at))}?${redactQuery(url.slice(at + 1))}`;
}

function redactQuery(query: string): string {
  return query.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    return SECRET_QUERY_NAME.test(decodeName(name)) ? `${name}=${REDACTED}` : pair;
  }).join('&');
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

/**
 * pino's serializer for the `req` of request log lines: Fastify's own fields, with the URL
 * redacted. Every request line (the `incoming request` line of a 404 or of a path the router
 * refuses included) goes through it.
 */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
