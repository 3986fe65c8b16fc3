import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import { type SsoSettings, ssoSettingsOf, ssoSettingsWithDefaults } from '../core/sso-settings.ts';
import type { SsoConfigurationRow } from '../db/schema.ts';
import type { DesiredWorkspace } from './desired.ts';
import { differences, fieldsOf } from './plan-fields.ts';
import type { Change, FieldChange } from './plan.ts';
import { type SecretCheck, keepSecretValues, literal, secretInput, secretVariable } from './resources.ts';
import type { SsoConfig } from './schema.ts';
import type { Problem } from './source.ts';
import type { WorkspaceState } from './state.ts';

/**
 * A workspace's single sign-on in the file: its OpenID Connect settings, group mappings by
 * group name, attribute mappings by attribute name. The client secret is given only as a
 * reference (source.ts refuses a written-out one); the plan says only whether it changes.
 * One object per workspace, keyed by the workspace's name.
 */

/** The configuration as it is: its settings, and the client secret still sealed (null: none). */
export interface SsoState extends SsoSettings {
  sealedClientSecret: string | null;
}

export function ssoStateOf(row: SsoConfigurationRow): SsoState {
  return { ...ssoSettingsOf(row), sealedClientSecret: row.client_secret };
}

const SETTINGS = [
  'issuer', 'clientId', 'scopes', 'groupsClaim', 'groupMappings', 'attributeMappings', 'allowedDomains', 'jitEnabled', 'jitRole', 'passwordLoginAllowed',
] as const;

/**
 * The change making the workspace's single sign-on what the file says: fields the file
 * leaves out stay (a new configuration takes the core's defaults for them, and needs an
 * issuer and a client id). With `prune: [sso]`, a workspace whose file gives no `sso` loses
 * its configuration. Settings the core would refuse are problems at the `sso` entry.
 */
export function planSso(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[], secretCheck: SecretCheck): Array<Omit<Change, 'workspace'>> {
  const key = desired.name;
  if (!desired.sso) {
    return desired.prune.has('sso') && current.sso ? [{ kind: 'delete', object: 'sso', key, fields: [] }] : [];
  }
  const { config, at } = desired.sso;
  const given = Object.fromEntries(SETTINGS.filter((field) => config[field] !== undefined).map((field) => [field, config[field]]));
  const before = current.sso;
  if (!before && (config.issuer === undefined || config.clientId === undefined)) {
    problems.push({ message: 'sso is new to the workspace, so it needs an issuer and a clientId', at });
    return [];
  }
  let settings: SsoSettings;
  try {
    settings = ssoSettingsWithDefaults({ ...before, ...given } as SsoSettings);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ message: `sso ${error.message}`, at });
    return [];
  }
  checkNames(desired, current, settings, problems, at);

  const secretFields: FieldChange[] = [];
  if (typeof config.clientSecret === 'string') {
    const differs = before?.sealedClientSecret == null || secretCheck({ ssoOf: current.id! }, { clientSecret: before.sealedClientSecret }, { clientSecret: config.clientSecret }).length > 0;
    if (differs) secretFields.push({ field: 'clientSecret', secret: 'changed' });
  } else if (config.clientSecret === null && before?.sealedClientSecret) {
    secretFields.push({ field: 'clientSecret', secret: 'removed' });
  }
  const wanted = Object.fromEntries(SETTINGS.map((field) => [field, settings[field]]));
  const fields = before
    ? [...differences(Object.fromEntries(SETTINGS.map((field) => [field, before[field]])), wanted), ...secretFields]
    : [...fieldsOf(wanted), ...secretFields];
  if (before && fields.length === 0) return [];
  if (typeof config.clientSecret === 'string') keepSecretValues(fields, { clientSecret: config.clientSecret });
  return [{ kind: before ? 'update' : 'create', object: 'sso', key, fields, at }];
}

/** Group and attribute names the mappings use must be the workspace's once the apply is done. */
function checkNames(desired: DesiredWorkspace, current: WorkspaceState, settings: SsoSettings, problems: Problem[], at: Problem['at']): void {
  const groupStays = (name: string) => desired.groups.has(name) || (!desired.prune.has('groups') && current.groups.has(name));
  const attributeStays = (name: string) => desired.userAttributes.has(name) || (!desired.prune.has('userAttributes') && current.userAttributes.has(name));
  for (const [value, groups] of Object.entries(settings.groupMappings)) {
    for (const group of groups.filter((name) => !groupStays(name))) {
      problems.push({ message: `sso maps ${JSON.stringify(value)} to group "${group}", which neither exists nor is declared under groups`, at });
    }
  }
  for (const [claim, attribute] of Object.entries(settings.attributeMappings)) {
    if (!attributeStays(attribute)) {
      problems.push({ message: `sso fills user attribute "${attribute}" from claim ${claim}, but the workspace has no such attribute nor declares it`, at });
    }
  }
}

/**
 * Sets or removes the workspace's single sign-on through the core service (its checks, its
 * `sso.configured` or `sso.removed` event): the whole configuration, the current one with
 * the change's fields over it, and the client secret only when the change names it.
 */
export async function applySso(services: Services, actor: Actor, current: WorkspaceState, change: Change | undefined): Promise<void> {
  if (!change) return;
  if (change.kind === 'delete') {
    await services.sso.delete(actor);
    return;
  }
  const { sealedClientSecret: _, ...before } = current.sso ?? ({} as SsoState);
  const changed = Object.fromEntries(change.fields.filter((field) => !field.secret).map((field) => [field.field, field.to]));
  const secret = secretInput(change);
  await services.sso.put(actor, { ...before, ...changed, ...('clientSecret' in secret ? { clientSecret: secret.clientSecret } : {}) } as SsoSettings);
}

/** The configuration as a file entry: every field, the client secret as an `${env:…}` reference whose name is returned to be listed. */
export function exportSso(workspace: WorkspaceState): { sso: SsoConfig; variables: string[] } | null {
  if (!workspace.sso) return null;
  const { sealedClientSecret, ...settings } = workspace.sso;
  const variable = sealedClientSecret === null ? null : secretVariable(workspace.name, 'SSO', 'CLIENT_SECRET');
  return {
    sso: { ...literal(settings), clientSecret: variable === null ? null : `\${env:${variable}}` },
    variables: variable === null ? [] : [variable],
  };
}
