const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stored form of an id a client named, for ids that are UUIDs stored in lower case; null
 * when `id` is no UUID and so names nothing. A caller answers "not found" for null without
 * asking the database, where a uuid-typed column would refuse the comparison.
 */
export function storedUuid(id: string): string | null {
  return UUID.test(id) ? id.toLowerCase() : null;
}
