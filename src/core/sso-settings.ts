import { fromJson } from '../db/rows.ts';
import type { SsoConfigurationRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { invalidInput } from './errors.ts';
import { isLoopbackHost } from './oidc-relying-party.ts';
import type { Role } from './roles.ts';
import { normalizeDomains } from './workspace-domains.ts';

/** A workspace's single sign-on settings, checked, without the client secret. */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  scopes: string[];
  groupsClaim: string | null;
  /** Claim value → names of the workspace's groups a person with that value belongs to. */
  groupMappings: Record<string, string[]>;
  /** Claim name → name of a user attribute of the workspace. */
  attributeMappings: Record<string, string>;
  /** Email domains that may sign in; empty allows every domain the provider vouches for. */
  allowedDomains: string[];
  jitEnabled: boolean;
  jitRole: Role;
  passwordLoginAllowed: boolean;
}

export const DEFAULT_SSO_SCOPES: readonly string[] = ['openid', 'email', 'profile'];

/** A scope token (RFC 6749 §3.3): visible ASCII but `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const CLAIM_NAME = /^[^\s]{1,255}$/;
const MAX_MAPPINGS = 500;

/**
 * Checks what an admin sent and fills in the defaults. Each refusal is a 400 naming the
 * field (`groupMappings.<claim value>` for one mapping): an issuer that is not https (plain
 * http only on a loopback host), scopes without `openid`, group names or attribute names
 * the workspace does not have, JIT without allowed domains.
 */
export async function checkSsoSettings(repos: Repositories, workspaceId: string, input: Partial<SsoSettings> & { issuer: string; clientId: string }): Promise<SsoSettings> {
  const settings = ssoSettingsWithDefaults(input);
  await checkGroupMappings(repos, workspaceId, settings);
  await checkAttributeMappings(repos, workspaceId, settings.attributeMappings);
  return settings;
}

/**
 * The checks of `checkSsoSettings` that need no database (everything but the names of
 * groups and attributes), with the defaults filled in and lists normalized: what
 * configuration as code checks a file's settings with before the groups they name exist.
 */
export function ssoSettingsWithDefaults(input: Partial<SsoSettings> & { issuer: string; clientId: string }): SsoSettings {
  const settings: SsoSettings = {
    issuer: checkIssuer(input.issuer),
    clientId: checkText(input.clientId, 'clientId'),
    scopes: checkScopes(input.scopes ?? [...DEFAULT_SSO_SCOPES]),
    groupsClaim: input.groupsClaim === undefined || input.groupsClaim === null ? null : checkClaimName(input.groupsClaim, 'groupsClaim'),
    groupMappings: input.groupMappings ?? {},
    attributeMappings: input.attributeMappings ?? {},
    allowedDomains: normalizeDomains(input.allowedDomains ?? [], 'allowedDomains'),
    jitEnabled: input.jitEnabled ?? false,
    jitRole: input.jitRole ?? 'end-user',
    passwordLoginAllowed: input.passwordLoginAllowed ?? true,
  };
  if (settings.jitEnabled && settings.allowedDomains.length === 0) {
    throw invalidInput('allowedDomains', 'list the email domains that may join when jitEnabled is true; otherwise anyone the provider knows could join');
  }
  const mappings = Object.entries(settings.groupMappings);
  if (mappings.length > MAX_MAPPINGS) throw invalidInput('groupMappings', `at most ${MAX_MAPPINGS} claim values`);
  if (mappings.length > 0 && settings.groupsClaim === null) throw invalidInput('groupsClaim', 'name the claim that groupMappings reads');
  if (mappings.some(([value]) => value === '')) throw invalidInput('groupMappings', 'a claim value cannot be empty');
  const claims = Object.keys(settings.attributeMappings);
  if (claims.length > MAX_MAPPINGS) throw invalidInput('attributeMappings', `at most ${MAX_MAPPINGS} claims`);
  for (const claim of claims) checkClaimName(claim, 'attributeMappings');
  return settings;
}

/** The stored configuration as settings. */
export function ssoSettingsOf(row: SsoConfigurationRow): SsoSettings {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    scopes: fromJson<string[]>(row.scopes),
    groupsClaim: row.groups_claim,
    groupMappings: fromJson<Record<string, string[]>>(row.group_mappings),
    attributeMappings: fromJson<Record<string, string>>(row.attribute_mappings),
    allowedDomains: fromJson<string[]>(row.allowed_domains),
    jitEnabled: Number(row.jit_enabled) === 1,
    jitRole: row.jit_role,
    passwordLoginAllowed: Number(row.password_login_allowed) === 1,
  };
}

function checkIssuer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput('issuer', 'must be the provider\'s issuer URL, such as https://login.example.com');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw invalidInput('issuer', 'must be an https URL (plain http only for a loopback address such as 127.0.0.1)');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalidInput('issuer', 'must have no query, fragment or credentials');
  }
  return value;
}

function checkText(value: string, field: string): string {
  if (value.trim() === '' || value.length > 255) throw invalidInput(field, 'must be 1 to 255 characters');
  return value;
}

function checkClaimName(value: string, field: string): string {
  if (!CLAIM_NAME.test(value)) throw invalidInput(field, 'must be a claim name: 1 to 255 characters without spaces');
  return value;
}

function checkScopes(scopes: string[]): string[] {
  scopes.forEach((scope, index) => {
    if (!SCOPE_TOKEN.test(scope)) throw invalidInput(`scopes.${index}`, `"${scope}" is not a scope value`);
  });
  if (!scopes.includes('openid')) throw invalidInput('scopes', 'must include openid');
  return [...new Set(scopes)];
}

async function checkGroupMappings(repos: Repositories, workspaceId: string, settings: SsoSettings): Promise<void> {
  const entries = Object.entries(settings.groupMappings);
  const names = [...new Set(entries.flatMap(([, groups]) => groups))];
  const found = new Set((await repos.accounts.findGroups(workspaceId, [], names)).map((group) => group.name));
  for (const [value, groups] of entries) {
    const unknown = groups.filter((name) => !found.has(name));
    if (unknown.length > 0) {
      throw invalidInput(`groupMappings.${value}`, `no group named ${unknown.join(', ')} in this workspace`, 'group_not_found');
    }
  }
}

async function checkAttributeMappings(repos: Repositories, workspaceId: string, mappings: Record<string, string>): Promise<void> {
  const entries = Object.entries(mappings);
  const defined = new Set((await repos.userAttributes.list(workspaceId)).map((definition) => definition.name));
  const claimOf = new Map<string, string>();
  for (const [claim, attribute] of entries) {
    if (!defined.has(attribute)) {
      throw invalidInput(`attributeMappings.${claim}`, `no user attribute named ${attribute} in this workspace`, 'unknown_attribute');
    }
    const other = claimOf.get(attribute);
    if (other !== undefined) throw invalidInput(`attributeMappings.${claim}`, `attribute ${attribute} is already filled from claim ${other}`);
    claimOf.set(attribute, claim);
  }
}
