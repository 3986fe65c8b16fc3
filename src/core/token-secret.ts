import { hash, randomBytes } from 'node:crypto';

/** Prefix of every generated token, so secret scanners can recognise a leaked one. */
export const TOKEN_PREFIX = 'tp_';

/** 256 random bits after a prefix naming the kind of token (`tp_` for API tokens). */
export function generateTokenSecret(prefix = TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored as their SHA-256: a token carries 256 random bits, so a fast hash is
 * safe, and lookup by hash means no stored value can be replayed.
 */
export function hashTokenSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** The first characters of a token, kept so an admin can tell tokens apart. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 4);
}
