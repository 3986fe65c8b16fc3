import { hash } from 'node:crypto';

/**
 * The strong entity tag of a representation: a digest of the body a GET sends. Any change
 * to a field the client sees changes it.
 */
export function etagOf(body: string): string {
  return `"${hash('sha256', body, 'base64url').slice(0, 32)}"`;
}

/** The tags a header lists (`"a", W/"b"`), or `*`. */
function listedTags(header: string): string[] | '*' {
  if (header.trim() === '*') return '*';
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/**
 * RFC 9110 If-Match: true when `etag` (null: no current representation) strongly matches
 * a listed tag, or the list is `*` and a representation exists. Weak tags never match.
 */
export function ifMatchHolds(header: string, etag: string | null): boolean {
  if (etag === null) return false;
  const tags = listedTags(header);
  return tags === '*' || tags.includes(etag);
}

/** RFC 9110 If-None-Match for GET: true when `etag` weakly matches a listed tag, or `*`. */
export function ifNoneMatchHits(header: string, etag: string): boolean {
  const tags = listedTags(header);
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return tags === '*' || tags.some((tag) => opaque(tag) === opaque(etag));
}
