/**
 * What one statement may have changed, read off its SQL text: nothing (a read, transaction
 * control), new rows of one table only, existing rows of one table (an update, an upsert),
 * or anything at all (a delete, whose foreign keys may cascade; DDL; a statement not
 * recognised).
 */
export type StatementEffect =
  | { kind: 'none' }
  | { kind: 'insert'; table: string }
  | { kind: 'update'; table: string }
  | { kind: 'any' };

/** What a value read from the database depends on, so that a change elsewhere leaves it be. */
export interface ReadDependencies {
  /** Tables the value's rows come from: an update or removal of rows there may change it. */
  rowsOf: readonly string[];
  /** Tables where any change, a new row included, may change it (a count, a whole list). */
  newRowsIn?: readonly string[];
}

const NONE: StatementEffect = { kind: 'none' };
const ANY: StatementEffect = { kind: 'any' };
const READ_OR_CONTROL = /^\s*(select|begin|commit|rollback|savepoint|release)\b/i;
/** A table name, quoted or not, after an optional schema: `"users"`, `public.users`. */
const TABLE = String.raw`(?:"?[A-Za-z_]\w*"?\.)?"?([A-Za-z_]\w*)"?`;
const INSERT = new RegExp(String.raw`^\s*insert\s+into\s+${TABLE}`, 'i');
const UPDATE = new RegExp(String.raw`^\s*update\s+${TABLE}`, 'i');
const UPSERT = /\bdo\s+update\b/i;

export function effectOf(sql: string): StatementEffect {
  if (READ_OR_CONTROL.test(sql)) return NONE;
  const insert = INSERT.exec(sql);
  if (insert) return { kind: UPSERT.test(sql) ? 'update' : 'insert', table: insert[1]!.toLowerCase() };
  const update = UPDATE.exec(sql);
  if (update) return { kind: 'update', table: update[1]!.toLowerCase() };
  return ANY;
}

/** Statements seen at most before the memory of their effects starts over. */
const MAX_REMEMBERED = 2_000;

/**
 * Counts, per table, the changes this process has made to the database, so a value read
 * earlier is reused only while nothing it depends on has changed. A change counts once it
 * is visible to other readers: when its statement ends outside a transaction, or when the
 * transaction ends (committed or rolled back).
 */
export class TableChanges {
  private anything = 0;
  private readonly updates = new Map<string, number>();
  private readonly inserts = new Map<string, number>();
  private readonly effects = new Map<string, StatementEffect>();

  /** A number that moves whenever a change this process made may have changed what `dependencies` describe. */
  generation(dependencies: ReadDependencies): number {
    let generation = this.anything;
    for (const table of dependencies.rowsOf) generation += this.updates.get(table) ?? 0;
    for (const table of dependencies.newRowsIn ?? []) generation += (this.inserts.get(table) ?? 0) + (this.updates.get(table) ?? 0);
    return generation;
  }

  /** The effect of `sql`, remembered per statement text. */
  effectOf(sql: string): StatementEffect {
    let effect = this.effects.get(sql);
    if (!effect) {
      effect = effectOf(sql);
      if (this.effects.size >= MAX_REMEMBERED) this.effects.clear();
      this.effects.set(sql, effect);
    }
    return effect;
  }

  /** Counts changes that others can now see. */
  record(effects: Iterable<StatementEffect>): void {
    for (const effect of effects) {
      if (effect.kind === 'any') this.anything += 1;
      else if (effect.kind !== 'none') {
        const counts = effect.kind === 'insert' ? this.inserts : this.updates;
        counts.set(effect.table, (counts.get(effect.table) ?? 0) + 1);
      }
    }
  }
}
