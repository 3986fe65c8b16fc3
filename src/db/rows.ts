/** An ISO-8601 UTC timestamp with milliseconds, as `toISOString` writes it and SQLite stores it. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Reads a timestamp column from either driver as an ISO-8601 string. */
export function toIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  // Already in the form the API answers: parsing and formatting it again gives the same text.
  return CANONICAL_ISO.test(value) ? value : new Date(value).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

/** Reads a JSON column: PostgreSQL's jsonb arrives parsed, SQLite's text does not. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function now(): string {
  return new Date().toISOString();
}
