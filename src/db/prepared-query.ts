import { CompiledQuery, type Compilable } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';

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
 * the busiest reads skip that. `build` gets one stand-in per parameter name, to use as
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
    this.compiled.set(dialect, compiled);
    return compiled;
  }
}
