/**
 * SQL texts kept prepared on each PostgreSQL connection, by name. PostgreSQL plans an
 * unnamed statement on every run, and for a join of four tables (a SCIM filter, a session's
 * member read) the planning costs more than the run; a named one is planned once per
 * connection, then run from its cached plan.
 *
 * Two kinds of text get a name: those the code declares (PreparedQuery), always; and those
 * built at run time (Kysely queries, filters), once the same text has run twice, up to a
 * bound, so a client sending ever new filter shapes cannot fill the connections with plans.
 * Only queries are named (select, insert, update, delete). A text that selects every column (`*`) is never named: a migration adding a column would
 * make its cached plan fail in a running server.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly sightings = new Map<string, number>();
  private runtimeNamed = 0;

  constructor(
    /** Run-time texts that may be named, over the life of the process. */
    private readonly maxRuntimeNames = 500,
    /** Run-time texts counted while not yet named; the count starts over when full. */
    private readonly maxSightings = 5_000,
    /** Longer texts (bulk inserts, long IN lists) stay unnamed: each length is its own text. */
    private readonly maxLength = 4_000,
  ) {}

  /** Names a statement the code declares, whatever the bounds. */
  declare(sql: string): void {
    if (!this.names.has(sql)) this.names.set(sql, `toolplane_${this.names.size + 1}`);
  }

  /** The name `sql` runs under, or undefined for a statement to run unnamed this time. */
  nameOf(sql: string): string | undefined {
    const name = this.names.get(sql);
    if (name !== undefined || this.runtimeNamed >= this.maxRuntimeNames || !this.mayName(sql)) return name;
    const seen = (this.sightings.get(sql) ?? 0) + 1;
    if (seen < 2) {
      if (this.sightings.size >= this.maxSightings) this.sightings.clear();
      this.sightings.set(sql, seen);
      return undefined;
    }
    this.sightings.delete(sql);
    this.runtimeNamed += 1;
    this.declare(sql);
    return this.names.get(sql);
  }

  private mayName(sql: string): boolean {
    return sql.length <= this.maxLength && QUERY.test(sql) && !SELECTS_EVERY_COLUMN.test(sql);
  }
}

/** Reads and writes; transaction control, locks and schema changes run unnamed. */
const QUERY = /^\s*(?:select|insert|update|delete|with)\s/i;

/** `select *`, `"t".*` or `returning *`; `count(*)` is not. */
const SELECTS_EVERY_COLUMN = /(?:^|[\s,])(?:"?\w+"?\.)?\*(?:\s|,|$)/;

const statementNames = new StatementNames();

export function nameStatement(sql: string): void {
  statementNames.declare(sql);
}

/** The name `sql` is prepared under, or undefined for a statement to run unnamed. */
export function statementName(sql: string): string | undefined {
  return statementNames.nameOf(sql);
}
