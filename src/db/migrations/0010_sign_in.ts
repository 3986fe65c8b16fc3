import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/**
 * People sign in: sessions (held here, so every server process shares them), password
 * resets, two-factor authentication (a sealed TOTP secret per account, hashed recovery
 * codes, a per-workspace requirement), and single sign-on over OpenID Connect (a
 * configuration per workspace, and the state of sign-ins under way between the redirect to
 * the provider and its callback).
 */
export function signIn(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('password_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema.createIndex('password_resets_user_idx').on('password_resets').column('user_id').execute();

      await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_enabled_at', t.timestamp).execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .addPrimaryKeyConstraint('recovery_codes_pkey', ['user_id', 'code_hash'])
        .execute();
      await db.schema.alterTable('workspaces').addColumn('two_factor_required', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      await db.schema
        .createTable('sso_configurations')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret', 'text')
        .addColumn('scopes', t.json, (c) => c.notNull().defaultTo(t.emptyJsonArray))
        .addColumn('groups_claim', 'text')
        .addColumn('group_mappings', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('attribute_mappings', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('allowed_domains', t.json, (c) => c.notNull().defaultTo(t.emptyJsonArray))
        .addColumn('jit_enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('jit_role', 'text', (c) => c.notNull().defaultTo('end-user'))
        .addColumn('password_login_allowed', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sso_logins')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('sso_logins').execute();
      await db.schema.dropTable('sso_configurations').execute();
      await db.schema.alterTable('workspaces').dropColumn('two_factor_required').execute();
      await db.schema.dropTable('recovery_codes').execute();
      await db.schema.alterTable('users').dropColumn('totp_enabled_at').execute();
      await db.schema.alterTable('users').dropColumn('totp_secret').execute();
      await db.schema.dropTable('password_resets').execute();
      await db.schema.dropTable('sessions').execute();
    },
  };
}
