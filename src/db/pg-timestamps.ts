import pg from 'pg';

/** PostgreSQL's type id of `timestamptz`, the type of every timestamp column. */
export const TIMESTAMPTZ_OID = 1184;

/** `timestamptz` as PostgreSQL writes it in a UTC session with DateStyle ISO: `2026-01-02 03:04:05.678901+00`. */
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

const parseAsDate = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;

/**
 * Reads a `timestamptz` as the ISO-8601 text the API answers (`2026-01-02T03:04:05.678Z`,
 * digits past the millisecond dropped, as a Date drops them), without making a Date: a
 * listing reads tens of thousands of them. A value in any other form (another session time
 * zone, a year past 9999, infinity) is parsed into a Date, as the driver would.
 */
export function timestamptzToIso(text: string): string | Date {
  const match = UTC_TIMESTAMP.exec(text);
  if (!match) return parseAsDate(text);
  const milliseconds = `${match[3] ?? ''}000`.slice(0, 3);
  return `${match[1]}T${match[2]}.${milliseconds}Z`;
}

/** The driver's parsers, with `timestamptz` read by `timestamptzToIso`. */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary' ? timestamptzToIso : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
