import { invalidInput } from './errors.ts';
import type { AttributeType } from './user-attributes.ts';
import { emailDomain } from './workspace-domains.ts';

/** The claims of a signed-in person: the ID token's, with the UserInfo answer's over them. */
export type Claims = Record<string, unknown>;

/**
 * The claim's value: the claim of that exact name, else the value at its dotted path
 * (`realm_access.roles`), for providers that nest claims in objects. Undefined when absent.
 */
export function claimAt(claims: Claims, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The email address the provider vouches for: `email` when `email_verified` is true (or the
 * string "true", as some providers send it); null when either is missing or not verified.
 */
export function verifiedEmail(claims: Claims): string | null {
  const email = claims.email;
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  if (!verified || typeof email !== 'string') return null;
  const trimmed = email.trim();
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed : null;
}

/** Whether the email's domain is one of `allowed` exactly (no subdomains); an empty list allows every domain. */
export function domainAllowed(email: string, allowed: readonly string[]): boolean {
  return allowed.length === 0 || allowed.includes(emailDomain(email));
}

/** A claim's values as strings: each string or number of an array, or a single one; [] when absent. */
export function claimValues(claims: Claims, name: string): string[] {
  const value = claimAt(claims, name);
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.filter((item) => typeof item === 'string' || typeof item === 'number').map(String);
}

/** The group names the mappings reach from the given claim values, and every group name they mention. */
export function mappedGroups(mappings: Readonly<Record<string, readonly string[]>>, values: readonly string[]): { wanted: Set<string>; mapped: Set<string> } {
  const mapped = new Set(Object.values(mappings).flat());
  const wanted = new Set(values.flatMap((value) => (Object.hasOwn(mappings, value) ? mappings[value]! : [])));
  return { wanted, mapped };
}

/**
 * A claim's value as a value of the attribute's type, converting the plain cases providers
 * send (a number or boolean as text, and back); undefined when it cannot be converted.
 * An absent or null claim is null: the member's value is removed.
 */
export function attributeValue(type: AttributeType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
    case 'json':
      return value;
  }
}

/** First and last name from `given_name` and `family_name`, else split from `name`; empty when absent. */
export function namesOf(claims: Claims): { first_name: string; last_name: string } {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 255) : '');
  const first = text(claims.given_name);
  const last = text(claims.family_name);
  if (first || last) return { first_name: first, last_name: last };
  const full = text(claims.name);
  const space = full.indexOf(' ');
  return space < 0 ? { first_name: full, last_name: '' } : { first_name: full.slice(0, space), last_name: full.slice(space + 1).trim() };
}

/**
 * Where a sign-in may land: a path on this server (`/apps/1?tab=x`), never another origin.
 * A scheme, a host (`//evil.example`), a backslash (which browsers read as a slash) or a
 * control character is a 400 on `returnTo`; absent means `/`.
 */
export function safeReturnTo(value: string | undefined): string {
  if (value === undefined || value === '') return '/';
  const base = 'http://toolplane.invalid';
  let parsed: URL | undefined;
  try {
    parsed = new URL(value, base);
  } catch {
    parsed = undefined;
  }
  const unsafe = !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value) || value.length > 2048;
  if (unsafe || parsed?.origin !== base) {
    throw invalidInput('returnTo', 'must be a path on this server, starting with a single /');
  }
  return value;
}
