import { fromJson } from '../db/rows.ts';
import type { Repositories } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { DomainError, forbidden, invalidInput } from './errors.ts';
import { isStorableInstant } from './instants.ts';
import { type Scope, hasScope, isScope } from './scopes.ts';
import { delegableScopes } from './session-grants.ts';

/**
 * What a caller may hand on to a token it creates or rotates: at most its own scopes, and
 * no later expiry than its own. Local CLI work (no token) may grant anything.
 */
export interface Grant {
  scopes: readonly string[];
  /** When the caller's token expires; null when it does not. */
  expiresAt: string | null;
}

/**
 * The grant of the actor: a session's is its person's scopes in the workspace that a token
 * can carry (`delegableScopes`), without expiry (a person may make a lasting token, as in
 * any console); a token's is its own, and a revoked or missing token is a 401.
 */
export async function grantOf(repos: Repositories, actor: Actor): Promise<Grant> {
  if (actor.sessionId) return { scopes: delegableScopes(actor), expiresAt: null };
  if (actor.tokenId === null) return { scopes: ['*'], expiresAt: null };
  const row = await repos.tokens.getById(actor.tokenId);
  if (!row || row.revoked_at) throw new DomainError('unauthorized', 'invalid_token', 'The token is invalid, expired or revoked');
  return { scopes: fromJson<string[]>(row.scopes), expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString() };
}

/** 403 `scope_escalation` naming every requested scope the grant does not cover. */
export function assertScopesWithin(grant: Grant, requested: readonly string[]): void {
  const missing = requested.filter((scope) => !isScope(scope) || !hasScope(grant.scopes, scope));
  if (missing.length > 0) {
    throw forbidden('scope_escalation', `This token lacks ${missing.join(', ')}, so it cannot grant ${missing.length === 1 ? 'it' : 'them'}`);
  }
}

/**
 * 403 `expiry_escalation` when a caller whose token expires asks for a token that expires
 * later, or never: a short-lived credential cannot mint a longer-lived one.
 */
export function assertExpiryWithin(grant: Grant, expiresAt: string | null): void {
  if (grant.expiresAt === null) return;
  if (expiresAt === null || new Date(expiresAt).getTime() > new Date(grant.expiresAt).getTime()) {
    throw new DomainError('forbidden', 'expiry_escalation',
      `This token expires at ${grant.expiresAt}, so it cannot create a token that expires later or never; set expiresAt no later than that`,
      'expiresAt');
  }
}

/** Known scopes, without duplicates; an unknown one is a 400 naming its index. */
export function checkScopes(scopes: readonly string[]): Scope[] {
  scopes.forEach((scope, index) => {
    if (!isScope(scope)) throw invalidInput(`scopes.${index}`, `unknown scope "${scope}"`);
  });
  return [...new Set(scopes as Scope[])];
}

/** The expiry a request asks for: an instant in the future, or null for none. */
export function requestedExpiry(input: { expiresAt?: string; expiresInDays?: number }): string | null {
  if (input.expiresAt !== undefined && input.expiresInDays !== undefined) {
    throw invalidInput('expiresAt', 'give expiresAt or expiresInDays, not both');
  }
  if (input.expiresInDays !== undefined) return new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString();
  if (input.expiresAt === undefined) return null;
  const at = new Date(input.expiresAt);
  if (!isStorableInstant(at)) throw invalidInput('expiresAt', 'must be a date-time in years 0001 to 9999');
  if (at.getTime() <= Date.now()) throw invalidInput('expiresAt', 'must be in the future');
  return at.toISOString();
}
