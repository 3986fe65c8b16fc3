import type { Dialect } from './database.ts';
import { type Executor, withLock } from './executor.ts';

/** A page of rows holding sealed values, read in key order for key rotation. */
export interface SealedResourceRow {
  id: string;
  secrets: unknown;
}

export interface SealedConfigurationRow {
  resource_id: string;
  environment_id: string;
  secrets: unknown;
}

export interface SealedAnswerRow {
  owner: string;
  key: string;
  response: string;
}

export interface SealedTotpRow {
  id: string;
  totp_secret: string;
}

export interface SealedSsoSecretRow {
  workspace_id: string;
  client_secret: string;
}

export interface SealedVariableValueRow {
  variable_id: string;
  environment_id: string;
  value: string;
}

export interface SealedRetoolSettingsRow {
  workspace_id: string;
  kind: string;
  secrets: unknown;
}

/**
 * Every column that holds values sealed by the secret box, across tables, for re-sealing
 * under a new key. Pages are read in primary-key order after a cursor (keyset pagination),
 * locked for update on PostgreSQL so a concurrent write of the same row waits for the batch.
 * Rewriting a sealed value changes nothing a client sees, so `updated_at` is left alone.
 */
export class SealedValueRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  resourceSecretsAfter(afterId: string | null, limit: number): Promise<SealedResourceRow[]> {
    let query = this.db.selectFrom('resources').select(['id', 'secrets']).orderBy('id').limit(limit);
    if (afterId !== null) query = query.where('id', '>', afterId);
    return withLock(query, this.dialect, 'update').execute();
  }

  async updateResourceSecrets(id: string, secrets: string): Promise<void> {
    await this.db.updateTable('resources').set({ secrets }).where('id', '=', id).execute();
  }

  configurationSecretsAfter(after: { resourceId: string; environmentId: string } | null, limit: number): Promise<SealedConfigurationRow[]> {
    let query = this.db
      .selectFrom('resource_configurations')
      .select(['resource_id', 'environment_id', 'secrets'])
      .orderBy('resource_id')
      .orderBy('environment_id')
      .limit(limit);
    if (after !== null) {
      query = query.where((eb) => eb.or([
        eb('resource_id', '>', after.resourceId),
        eb.and([eb('resource_id', '=', after.resourceId), eb('environment_id', '>', after.environmentId)]),
      ]));
    }
    return withLock(query, this.dialect, 'update').execute();
  }

  async updateConfigurationSecrets(resourceId: string, environmentId: string, secrets: string): Promise<void> {
    await this.db
      .updateTable('resource_configurations')
      .set({ secrets })
      .where('resource_id', '=', resourceId)
      .where('environment_id', '=', environmentId)
      .execute();
  }

  async idempotencyAnswersAfter(after: { owner: string; key: string } | null, limit: number): Promise<SealedAnswerRow[]> {
    let query = this.db
      .selectFrom('idempotency_keys')
      .select(['owner', 'key', 'response'])
      .where('response', 'is not', null)
      .orderBy('owner')
      .orderBy('key')
      .limit(limit);
    if (after !== null) {
      query = query.where((eb) => eb.or([
        eb('owner', '>', after.owner),
        eb.and([eb('owner', '=', after.owner), eb('key', '>', after.key)]),
      ]));
    }
    return (await withLock(query, this.dialect, 'update').execute()) as SealedAnswerRow[];
  }

  async updateIdempotencyAnswer(owner: string, key: string, response: string): Promise<void> {
    await this.db.updateTable('idempotency_keys').set({ response }).where('owner', '=', owner).where('key', '=', key).execute();
  }

  /** Accounts holding a TOTP secret (enrolled, or enrolling), by id. */
  async totpSecretsAfter(afterId: string | null, limit: number): Promise<SealedTotpRow[]> {
    let query = this.db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).orderBy('id').limit(limit);
    if (afterId !== null) query = query.where('id', '>', afterId);
    return (await withLock(query, this.dialect, 'update').execute()) as SealedTotpRow[];
  }

  async updateTotpSecret(id: string, totpSecret: string): Promise<void> {
    await this.db.updateTable('users').set({ totp_secret: totpSecret }).where('id', '=', id).execute();
  }

  /** Single sign-on configurations holding a client secret, by workspace. */
  async ssoClientSecretsAfter(afterWorkspaceId: string | null, limit: number): Promise<SealedSsoSecretRow[]> {
    let query = this.db
      .selectFrom('sso_configurations')
      .select(['workspace_id', 'client_secret'])
      .where('client_secret', 'is not', null)
      .orderBy('workspace_id')
      .limit(limit);
    if (afterWorkspaceId !== null) query = query.where('workspace_id', '>', afterWorkspaceId);
    return (await withLock(query, this.dialect, 'update').execute()) as SealedSsoSecretRow[];
  }

  async updateSsoClientSecret(workspaceId: string, clientSecret: string): Promise<void> {
    await this.db.updateTable('sso_configurations').set({ client_secret: clientSecret }).where('workspace_id', '=', workspaceId).execute();
  }

  /** Values of secret configuration variables only: a plain variable's values are not sealed. */
  secretVariableValuesAfter(after: { variableId: string; environmentId: string } | null, limit: number): Promise<SealedVariableValueRow[]> {
    let query = this.db
      .selectFrom('configuration_variable_values')
      .innerJoin('configuration_variables', 'configuration_variables.id', 'configuration_variable_values.variable_id')
      .select(['configuration_variable_values.variable_id', 'configuration_variable_values.environment_id', 'configuration_variable_values.value'])
      .where('configuration_variables.secret', '=', 1)
      .orderBy('configuration_variable_values.variable_id')
      .orderBy('configuration_variable_values.environment_id')
      .limit(limit);
    if (after !== null) {
      query = query.where((eb) => eb.or([
        eb('configuration_variable_values.variable_id', '>', after.variableId),
        eb.and([eb('configuration_variable_values.variable_id', '=', after.variableId), eb('configuration_variable_values.environment_id', '>', after.environmentId)]),
      ]));
    }
    return withLock(query, this.dialect, 'update').execute();
  }

  async updateVariableValue(variableId: string, environmentId: string, value: string): Promise<void> {
    await this.db.updateTable('configuration_variable_values').set({ value })
      .where('variable_id', '=', variableId).where('environment_id', '=', environmentId).execute();
  }

  retoolSettingsSecretsAfter(after: { workspaceId: string; kind: string } | null, limit: number): Promise<SealedRetoolSettingsRow[]> {
    let query = this.db.selectFrom('retool_settings').select(['workspace_id', 'kind', 'secrets']).orderBy('workspace_id').orderBy('kind').limit(limit);
    if (after !== null) {
      query = query.where((eb) => eb.or([
        eb('workspace_id', '>', after.workspaceId),
        eb.and([eb('workspace_id', '=', after.workspaceId), eb('kind', '>', after.kind)]),
      ]));
    }
    return withLock(query, this.dialect, 'update').execute();
  }

  async updateRetoolSettingsSecrets(workspaceId: string, kind: string, secrets: string): Promise<void> {
    await this.db.updateTable('retool_settings').set({ secrets }).where('workspace_id', '=', workspaceId).where('kind', '=', kind).execute();
  }
}
