import { type Config, ConfigError } from '../config.ts';
import { runAudited } from '../core/audit.ts';
import type { RotationReport } from '../core/key-rotation.service.ts';
import { parseSecretKey } from '../core/secrets.ts';
import { openRuntime } from '../runtime/runtime.ts';
import { readSecretKeys } from '../runtime/secret-key.ts';

export interface RotateCommandOptions {
  /** The key to rotate to (hex or base64), or `-` to read it from stdin; absent: TOOLPLANE_SECRET_KEY is the new key. */
  newKey?: string;
  batchSize?: number;
}

/**
 * `toolplane keys rotate`: re-seals every stored secret under the new key, in batches of
 * one transaction each, while servers keep running. Without `--new-key`, the new key is
 * TOOLPLANE_SECRET_KEY and the old ones are TOOLPLANE_PREVIOUS_SECRET_KEYS (the same
 * settings the servers were restarted with). With `--new-key`, the configured keys become
 * the previous ones. Safe to run again: what is already under the new key is left alone.
 */
export async function rotateKeys(config: Config, options: RotateCommandOptions): Promise<void> {
  const runtime = await openRuntime(options.newKey === undefined ? config : await withNewKey(config, options.newKey));
  try {
    const report = await runAudited({ actorType: 'cli' }, () => runtime.services.keyRotation.rotate({
      batchSize: options.batchSize,
      onBatch: (batch) => {
        if (process.stderr.isTTY) process.stderr.write(`  ${batch.table}: ${batch.rows} rows read, ${batch.resealed} values re-encrypted\n`);
      },
    }));
    console.log(summary(report, options.newKey !== undefined));
  } finally {
    await runtime.close();
  }
}

/** The configuration with `newKey` as the current key and the configured ones as previous. */
async function withNewKey(config: Config, text: string): Promise<Config> {
  let key: Buffer;
  try {
    key = parseSecretKey(text === '-' ? await readStdin() : text);
  } catch (error) {
    throw new ConfigError(`--new-key: ${(error as Error).message}`);
  }
  const configured = readSecretKeys(config);
  return {
    ...config,
    secretKey: key.toString('hex'),
    previousSecretKeys: [configured.current, ...configured.previous].map((previous) => previous.toString('hex')),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function summary(report: RotationReport, explicitKey: boolean): string {
  if (!report.changed) return `Everything is already encrypted under key ${report.keyId}; nothing changed.`;
  const lines = [
    `Re-encrypted under key ${report.keyId}:`,
    `  resource secrets:       ${report.resealed.resourceSecrets}`,
    `  configuration secrets:  ${report.resealed.configurationSecrets}`,
    `  idempotent answers:     ${report.resealed.idempotencyAnswers}`,
    `  two-factor secrets:     ${report.resealed.totpSecrets}`,
    `  SSO client secrets:     ${report.resealed.ssoClientSecrets}`,
    `  configuration variables: ${report.resealed.configurationVariableValues}`,
    `  Retool settings secrets: ${report.resealed.retoolSettingsSecrets}`,
    `  key check:              ${report.keyCheckUpdated ? 'updated' : 'already current'}`,
  ];
  lines.push(explicitKey
    ? 'Start servers with TOOLPLANE_SECRET_KEY set to the new key; the old key no longer opens this database.'
    : 'TOOLPLANE_PREVIOUS_SECRET_KEYS can now be removed from every server.');
  return lines.join('\n');
}
