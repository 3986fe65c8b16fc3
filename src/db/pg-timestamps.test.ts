import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../../test/helpers/test-database.ts';
import { TIMESTAMPTZ_OID, timestamptzToIso } from './pg-timestamps.ts';

const driverParse = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;
/** A timestamp as a UTC PostgreSQL session writes it. */
const asPostgresWrites = (iso: string) => iso.replace('T', ' ').replace(/\.000Z$|Z$/, '+00');

describe('timestamptzToIso', () => {
  it('answers the ISO-8601 text a Date would format, for the forms a UTC session writes', () => {
    expect(timestamptzToIso('2026-01-02 03:04:05.678901+00')).toBe('2026-01-02T03:04:05.678Z');
    expect(timestamptzToIso('2026-01-02 03:04:05.6+00')).toBe('2026-01-02T03:04:05.600Z');
    expect(timestamptzToIso('2026-01-02 03:04:05+00')).toBe('2026-01-02T03:04:05.000Z');
    expect(timestamptzToIso('0001-01-01 00:00:00+00')).toBe('0001-01-01T00:00:00.000Z');
  });

  it('agrees with the driver on every millisecond it is given', () => {
    for (let i = 0; i < 2000; i += 1) {
      const iso = new Date(Math.floor(Math.random() * 8e12)).toISOString();
      const text = asPostgresWrites(iso);
      expect(timestamptzToIso(text), text).toBe(driverParse(text).toISOString());
    }
  });

  it('leaves a value in any other form to the driver, which makes a Date of it', () => {
    for (const text of ['2026-01-02 05:04:05.678+02', '2026-01-02 03:04:05-07:30', '12026-01-02 03:04:05+00', '2026-01-02 03:04:05+00 BC']) {
      const read = timestamptzToIso(text);
      expect(read, text).toBeInstanceOf(Date);
      expect((read as Date).getTime(), text).toBe(driverParse(text).getTime());
    }
  });
});

describe('timestamps read back from the database', () => {
  const database = useMigratedDatabase();

  it('come back as the ISO-8601 text written, from a session in UTC', async () => {
    const handle = database();
    const written = ['2026-11-24T05:13:32.123Z', '1999-12-31T23:59:59.999Z', '2026-03-29T01:30:00.000Z'];
    const cast = handle.dialect === 'postgres' ? sql`::timestamptz` : sql``;
    for (const iso of written) {
      const { rows } = await sql<{ at: unknown }>`select ${iso}${cast} as at`.execute(handle.db);
      expect(rows[0]!.at).toBe(iso);
    }
    if (handle.dialect !== 'postgres') return;
    // Set on every connection, whatever the server's own setting.
    const { rows } = await sql<{ zone: string }>`select current_setting('TimeZone') as zone`.execute(handle.db);
    expect(rows[0]!.zone).toBe('UTC');
  });
});
