/** Reads a timestamp column from either driver as an ISO-8601 string. */
export function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
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
