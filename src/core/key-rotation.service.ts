import { fromJson, toJson } from '../db/rows.ts';
import type { Store } from '../db/store.ts';
import { recordAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { sealContext } from './idempotency.service.ts';
import { KEY_CHECK_SETTING, sealKeyCheck } from './key-check.ts';
import { valueContext } from './configuration-variable.service.ts';
import { configurationSecretContext } from './resource-configuration.service.ts';
import { settingsSecretContext } from './retool-data.service.ts';
import { secretContext } from './resource.service.ts';
import type { SecretBox } from './secrets.ts';
import { ssoSecretContext } from './sso-configuration.service.ts';
import { totpSecretContext } from './two-factor.service.ts';

export const DEFAULT_ROTATION_BATCH_SIZE = 200;
/** Passes over every table before giving up on writes that keep bringing back old envelopes. */
const MAX_PASSES = 5;

/** Counts of values re-sealed, by where they live. */
export interface ResealCounts {
  resourceSecrets: number;
  configurationSecrets: number;
  idempotencyAnswers: number;
  /** Accounts' two-factor TOTP secrets. */
  totpSecrets: number;
  /** Workspaces' single sign-on client secrets. */
  ssoClientSecrets: number;
  /** Values of secret configuration variables. */
  configurationVariableValues: number;
  /** Secrets of Retool-only settings (Retool's SSO and source control configuration). */
  retoolSettingsSecrets: number;
}

export interface RotationReport {
  /** Id of the key everything is now sealed under. */
  keyId: string;
  resealed: ResealCounts;
  /** Whether the stored key-check value was re-sealed under the current key. */
  keyCheckUpdated: boolean;
  /** False when everything was already sealed under the current key: nothing was written. */
  changed: boolean;
}

/** One committed batch, for progress reports. */
export interface RotationBatch {
  table: 'resources' | 'resource_configurations' | 'idempotency_keys' | 'users' | 'sso_configurations' | 'configuration_variable_values'
    | 'retool_settings';
  rows: number;
  resealed: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Called after each batch commits. */
  onBatch?: (batch: RotationBatch) => void | Promise<void>;
}

/**
 * Re-seals every stored secret under the box's current key: resource secrets, resource
 * configuration secrets, stored idempotent answers, accounts' TOTP secrets, single sign-on
 * client secrets, secret configuration variables and Retool-only settings' secrets, then the
 * key-check value.
 *
 * Each batch of rows is its own transaction, so the instance keeps serving throughout:
 * servers holding the new key as current and the old one as previous open both kinds of
 * envelope. Values already under the current key are left as they are, so a run that was
 * interrupted continues where it stopped when run again, and a run after a complete one
 * writes nothing. Passes repeat until one re-seals nothing, which catches a concurrent
 * write that put back a value it read before its row was re-sealed. The key-check value is
 * re-sealed last, so that only then does the old key alone stop opening this database.
 */
export class KeyRotationService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  async rotate(options: RotationOptions = {}): Promise<RotationReport> {
    const batchSize = options.batchSize ?? DEFAULT_ROTATION_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new DomainError('invalid_input', 'invalid_input', 'batchSize: must be a whole number, at least 1', 'batchSize');
    const resealed = noneResealed();
    for (let pass = 1; ; pass += 1) {
      const counts = await this.pass(batchSize, options.onBatch);
      for (const where of Object.keys(resealed) as (keyof ResealCounts)[]) resealed[where] += counts[where];
      if (totalOf(counts) === 0) break;
      if (pass === MAX_PASSES) {
        throw new DomainError('unavailable', 'key_rotation_incomplete',
          `Values under an old key kept appearing after ${MAX_PASSES} passes; run the rotation again`);
      }
    }
    const keyId = this.box.currentKeyId;
    const total = totalOf(resealed);
    const keyCheckUpdated = await this.store.write(async (repos) => {
      const check = await repos.settings.get(KEY_CHECK_SETTING);
      const stale = check !== undefined && !this.box.isCurrent(check);
      if (stale) await repos.settings.update(KEY_CHECK_SETTING, sealKeyCheck(this.box));
      if (stale || total > 0) {
        await recordAudit(repos, {
          action: 'secret_key.rotated', target: { type: 'secret_key', id: keyId }, workspaceId: null,
          changes: { keyId, resealed, keyCheckUpdated: stale },
        });
      }
      return stale;
    });
    return { keyId, resealed, keyCheckUpdated, changed: keyCheckUpdated || total > 0 };
  }

  private async pass(batchSize: number, onBatch: RotationOptions['onBatch']): Promise<ResealCounts> {
    const counts = noneResealed();
    const report = async (batch: RotationBatch) => {
      if (onBatch) await onBatch(batch);
    };

    let resourceCursor: string | null = null;
    for (;;) {
      const after = resourceCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.resourceSecretsAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          const next = this.resealMap(row.secrets, (name) => secretContext(row.id, name), `resource ${row.id}`);
          if (next.resealed === 0) continue;
          await repos.sealedValues.updateResourceSecrets(row.id, toJson(next.secrets));
          resealed += next.resealed;
        }
        return { rows: rows.length, last: rows.at(-1)?.id ?? null, resealed };
      });
      counts.resourceSecrets += batch.resealed;
      if (batch.rows > 0) await report({ table: 'resources', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      resourceCursor = batch.last;
    }

    let configurationCursor: { resourceId: string; environmentId: string } | null = null;
    for (;;) {
      const after = configurationCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.configurationSecretsAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          const next = this.resealMap(
            row.secrets,
            (name) => configurationSecretContext(row.resource_id, row.environment_id, name),
            `configuration of resource ${row.resource_id} for environment ${row.environment_id}`,
          );
          if (next.resealed === 0) continue;
          await repos.sealedValues.updateConfigurationSecrets(row.resource_id, row.environment_id, toJson(next.secrets));
          resealed += next.resealed;
        }
        const last = rows.at(-1);
        return { rows: rows.length, last: last ? { resourceId: last.resource_id, environmentId: last.environment_id } : null, resealed };
      });
      counts.configurationSecrets += batch.resealed;
      if (batch.rows > 0) await report({ table: 'resource_configurations', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      configurationCursor = batch.last;
    }

    let answerCursor: { owner: string; key: string } | null = null;
    for (;;) {
      const after = answerCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.idempotencyAnswersAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          if (this.box.isCurrent(row.response)) continue;
          const response = this.resealOne(row.response, sealContext(row.owner, row.key), `stored answer of idempotency key ${row.key}`);
          await repos.sealedValues.updateIdempotencyAnswer(row.owner, row.key, response);
          resealed += 1;
        }
        const last = rows.at(-1);
        return { rows: rows.length, last: last ? { owner: last.owner, key: last.key } : null, resealed };
      });
      counts.idempotencyAnswers += batch.resealed;
      if (batch.rows > 0) await report({ table: 'idempotency_keys', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      answerCursor = batch.last;
    }

    let userCursor: string | null = null;
    for (;;) {
      const after = userCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.totpSecretsAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          if (this.box.isCurrent(row.totp_secret)) continue;
          const secret = this.resealOne(row.totp_secret, totpSecretContext(row.id), `two-factor secret of user ${row.id}`);
          await repos.sealedValues.updateTotpSecret(row.id, secret);
          resealed += 1;
        }
        return { rows: rows.length, last: rows.at(-1)?.id ?? null, resealed };
      });
      counts.totpSecrets += batch.resealed;
      if (batch.rows > 0) await report({ table: 'users', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      userCursor = batch.last;
    }

    let ssoCursor: string | null = null;
    for (;;) {
      const after = ssoCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.ssoClientSecretsAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          if (this.box.isCurrent(row.client_secret)) continue;
          const secret = this.resealOne(row.client_secret, ssoSecretContext(row.workspace_id), `single sign-on client secret of workspace ${row.workspace_id}`);
          await repos.sealedValues.updateSsoClientSecret(row.workspace_id, secret);
          resealed += 1;
        }
        return { rows: rows.length, last: rows.at(-1)?.workspace_id ?? null, resealed };
      });
      counts.ssoClientSecrets += batch.resealed;
      if (batch.rows > 0) await report({ table: 'sso_configurations', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      ssoCursor = batch.last;
    }

    let variableCursor: { variableId: string; environmentId: string } | null = null;
    for (;;) {
      const after = variableCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.secretVariableValuesAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          if (this.box.isCurrent(row.value)) continue;
          const value = this.resealOne(row.value, valueContext(row.variable_id, row.environment_id),
            `value of configuration variable ${row.variable_id} for environment ${row.environment_id}`);
          await repos.sealedValues.updateVariableValue(row.variable_id, row.environment_id, value);
          resealed += 1;
        }
        const last = rows.at(-1);
        return { rows: rows.length, last: last ? { variableId: last.variable_id, environmentId: last.environment_id } : null, resealed };
      });
      counts.configurationVariableValues += batch.resealed;
      if (batch.rows > 0) await report({ table: 'configuration_variable_values', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      variableCursor = batch.last;
    }

    let settingsCursor: { workspaceId: string; kind: string } | null = null;
    for (;;) {
      const after = settingsCursor;
      const batch = await this.store.write(async (repos) => {
        const rows = await repos.sealedValues.retoolSettingsSecretsAfter(after, batchSize);
        let resealed = 0;
        for (const row of rows) {
          const next = this.resealMap(row.secrets, (name) => settingsSecretContext(row.workspace_id, row.kind, name),
            `${row.kind} settings of workspace ${row.workspace_id}`);
          if (next.resealed === 0) continue;
          await repos.sealedValues.updateRetoolSettingsSecrets(row.workspace_id, row.kind, toJson(next.secrets));
          resealed += next.resealed;
        }
        const last = rows.at(-1);
        return { rows: rows.length, last: last ? { workspaceId: last.workspace_id, kind: last.kind } : null, resealed };
      });
      counts.retoolSettingsSecrets += batch.resealed;
      if (batch.rows > 0) await report({ table: 'retool_settings', rows: batch.rows, resealed: batch.resealed });
      if (batch.rows < batchSize) break;
      settingsCursor = batch.last;
    }
    return counts;
  }

  /** A name → envelope map with every envelope under the current key, and how many had to change. */
  private resealMap(stored: unknown, contextOf: (name: string) => string, where: string): { secrets: Record<string, string>; resealed: number } {
    const entries = Object.entries(fromJson<Record<string, string>>(stored));
    let resealed = 0;
    const secrets = entries.map(([name, envelope]): [string, string] => {
      if (this.box.isCurrent(envelope)) return [name, envelope];
      resealed += 1;
      return [name, this.resealOne(envelope, contextOf(name), `${where}, secret "${name}"`)];
    });
    return { secrets: Object.fromEntries(secrets), resealed };
  }

  private resealOne(envelope: string, context: string, where: string): string {
    try {
      return this.box.reseal(envelope, context);
    } catch (error) {
      throw new DomainError('unprocessable', 'sealed_value_unreadable',
        `Cannot open the ${where}: ${(error as Error).message}. Add the key it was sealed under to TOOLPLANE_PREVIOUS_SECRET_KEYS`);
    }
  }
}

function noneResealed(): ResealCounts {
  return {
    resourceSecrets: 0, configurationSecrets: 0, idempotencyAnswers: 0, totpSecrets: 0, ssoClientSecrets: 0, configurationVariableValues: 0,
    retoolSettingsSecrets: 0,
  };
}

function totalOf(counts: ResealCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
