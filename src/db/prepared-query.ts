import { CompiledQuery, type Compilable, type Insertable } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import type { Database } from './schema.ts';
import { directReadOf } from './direct-reads.ts';
import { nameStatement } from './statement-names.ts';

/**
 * Every column of a table's `Row`, named, for a statement kept prepared: on PostgreSQL a
 * prepared `select *` fails in a running server once a later migration adds a column. A
 * list that leaves a column out does not compile.
 */
export function allColumns<Row>() {
  return <const Columns extends readonly (keyof Row & string)[]>(
    columns: Columns & ([Exclude<keyof Row, Columns[number]>] extends [never] ? unknown : never),
  ): Columns => columns;
}

/** Stands for one named parameter while a query is built; never reaches a driver. */
class Slot {
  constructor(readonly name: string) {}
}

interface Compiled {
  sql: string;
  /** Each parameter of the compiled query: a named slot, or a value fixed at build time. */
  parameters: unknown[];
}

/**
 * A query built and compiled once per dialect, then run with new values. Kysely builds and
 * compiles a query afresh on every call, which costs more than running a small indexed one;
 * the busiest reads skip that. On PostgreSQL the statement is also kept prepared on each
 * connection (statement-names.ts); a read outside a transaction runs at once (direct-reads.ts). `build` gets one stand-in per parameter name, to use as
 * values (`where('id', '=', p.id)`), and the dialect; its result may depend on nothing else.
 */
export class PreparedQuery<Name extends string, Row> {
  private readonly compiled = new Map<Dialect, Compiled>();

  constructor(
    private readonly names: readonly Name[],
    private readonly build: (db: Executor, params: Record<Name, string>, dialect: Dialect) => Compilable<Row>,
  ) {}

  /** Runs the query on `db` (the database or a transaction) with `values` in the stand-ins' places. */
  async execute(db: Executor, dialect: Dialect, values: Record<Name, unknown>): Promise<Row[]> {
    const compiled = this.compiled.get(dialect) ?? this.compile(db, dialect);
    const parameters = compiled.parameters.map((parameter) => (parameter instanceof Slot ? values[parameter.name as Name] : parameter));
    const direct = directReadOf(db)?.(compiled.sql, parameters);
    if (direct) return direct as Row[] | Promise<Row[]>;
    const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<Row>);
    return result.rows;
  }

  private compile(db: Executor, dialect: Dialect): Compiled {
    const slots = Object.fromEntries(this.names.map((name) => [name, new Slot(name)])) as unknown as Record<Name, string>;
    const { sql, parameters } = this.build(db, slots, dialect).compile();
    const used = parameters.filter((parameter) => parameter instanceof Slot).map((slot) => (slot as Slot).name);
    const missing = this.names.filter((name) => !used.includes(name));
    if (missing.length > 0) throw new Error(`prepared query leaves out ${missing.join(', ')}`);
    const compiled = { sql, parameters: [...parameters] };
    if (dialect === 'postgres') nameStatement(sql);
    this.compiled.set(dialect, compiled);
    return compiled;
  }
}

/**
 * `insert into <table> (<columns>) values (...)` for whichever columns a row sets, each set
 * of columns compiled once (there are only as many as the code writes). A column whose
 * value is undefined is left out, as Kysely leaves it out.
 */
export class PreparedInsert<Table extends keyof Database & string> {
  private readonly byColumns = new Map<string, PreparedQuery<string, unknown>>();

  constructor(private readonly table: Table) {}

  async execute(db: Executor, dialect: Dialect, row: Insertable<Database[Table]>): Promise<void> {
    const values = row as Record<string, unknown>;
    const columns = Object.keys(values).filter((column) => values[column] !== undefined);
    const key = columns.join(',');
    let query = this.byColumns.get(key);
    if (!query) {
      query = new PreparedQuery(columns, (db, slots) => db.insertInto(this.table).values(slots as never));
      this.byColumns.set(key, query);
    }
    await query.execute(db, dialect, values);
  }
}
