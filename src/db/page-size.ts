import { type RawBuilder, sql } from 'kysely';

/**
 * A page's size written into the statement's text instead of bound as a parameter.
 *
 * A statement kept prepared (statement-names.ts) is planned by PostgreSQL for any parameters
 * once it has run five times. With `limit $n` that generic plan cannot know the page is small
 * and costs it as a tenth of the rows; over a large workspace that is far above the custom
 * plans' cost, so PostgreSQL plans every execution anew (and would pick a parallel scan if it
 * kept the generic plan). With the size in the text the generic plan is the cheap one and is
 * kept. Page sizes are few (each route bounds them), so are the texts.
 */
export function pageSize(limit: number): RawBuilder<number> {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`a page size must be a whole number, not ${limit}`);
  return sql.lit(limit);
}
