import { invalidInput } from '../../core/errors.ts';

/**
 * Retool's `next_token`: an opaque cursor naming where the next page starts. It carries the
 * key of the last item given (keyset paging), base64url-encoded JSON.
 */
export function encodeNextToken(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key a `next_token` carries, checked to hold exactly `fields` as strings; a 400 on `next_token` otherwise. */
export function decodeNextToken<K extends string>(token: string, fields: readonly K[]): Record<K, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const record = value as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || fields.some((field) => typeof record[field] !== 'string')) {
    throw invalidInput('next_token', 'is not a token this server gave');
  }
  return record as Record<K, string>;
}

/** `next_token` pages only with `limit`, as Retool's spec says. */
export function requireLimitWithToken(query: { limit?: number; next_token?: string }): void {
  if (query.next_token !== undefined && query.limit === undefined) throw invalidInput('next_token', 'is only valid with limit');
}

/** Every item of a paged core list, read `batch` at a time: the answer to a Retool list the spec does not page. */
export async function readAll<T>(pageOf: (request: { page: number; pageSize: number }) => Promise<{ items: T[] }>, batch = 500): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items } = await pageOf({ page, pageSize: batch });
    all.push(...items);
    if (items.length < batch) return all;
  }
}
