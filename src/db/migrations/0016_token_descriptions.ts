import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/** A short description of what a token is for, beside its name (Retool's access tokens carry one); null when none was given. */
export function tokenDescriptions(_dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('api_tokens').addColumn('description', 'text').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('api_tokens').dropColumn('description').execute();
    },
  };
}
