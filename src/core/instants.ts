/**
 * True when `at` is a time both databases store and compare as written: years 0001 to 9999
 * in UTC. JavaScript dates reach far beyond (`+010000-…`, `0000-…`, `-000001-…`), which
 * PostgreSQL refuses and SQLite would compare as text out of order.
 */
export function isStorableInstant(at: Date): boolean {
  const year = at.getUTCFullYear();
  return !Number.isNaN(at.getTime()) && year >= 1 && year <= 9999;
}
