/**
 * SQL texts worth keeping prepared on each PostgreSQL connection, by name. PostgreSQL plans
 * an unnamed statement on every run, and for a join of four tables the planning costs more
 * than the run; a named one is planned once per connection. Only code-defined statements are
 * named (see PreparedQuery), so the set stays as small as the code.
 */
const names = new Map<string, string>();

export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `toolplane_${names.size + 1}`);
}

/** The name `sql` is prepared under, or undefined for a statement to run unnamed. */
export function statementName(sql: string): string | undefined {
  return names.get(sql);
}
