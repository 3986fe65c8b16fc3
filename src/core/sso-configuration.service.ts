import { toIso, toJson } from '../db/rows.ts';
import type { SsoConfigurationRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { differingSealed } from './resource.service.ts';
import type { SecretBox } from './secrets.ts';
import { type SsoSettings, checkSsoSettings, ssoSettingsOf } from './sso-settings.ts';

/** A workspace's single sign-on as admins see it: the client secret only as whether one is set. */
export interface SsoConfiguration extends SsoSettings {
  workspaceId: string;
  clientSecretSet: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * What an admin sends to configure single sign-on. It replaces the whole configuration:
 * fields left out take their defaults, except `clientSecret`, which keeps the stored one
 * when left out (null removes it, for a public client).
 */
export interface SsoConfigurationInput extends Partial<Omit<SsoSettings, 'issuer' | 'clientId'>> {
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
}

/** The context the client secret is sealed in: a sealed secret copied to another workspace does not open. */
export function ssoSecretContext(workspaceId: string): string {
  return `sso:${workspaceId}:client_secret`;
}

/** 404 `sso_not_configured`. */
export function ssoNotConfigured(workspaceId: string): DomainError {
  return new DomainError('not_found', 'sso_not_configured', `Workspace ${workspaceId} has no single sign-on configured`);
}

/**
 * The acting workspace's OpenID Connect configuration. The client secret is write-only: it
 * is sealed before it is stored (its context names the workspace), never answered, and
 * recorded in the audit log by name only.
 */
export class SsoConfigurationService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  get(actor: Actor): Promise<SsoConfiguration> {
    return this.store.read(async (repos) => toConfiguration(await load(repos, actor.workspaceId)));
  }

  /**
   * Creates (created: true) or replaces the configuration, after checking every field
   * against the workspace (its groups and user attributes). One transaction with its
   * `sso.configured` event: a refused field changes nothing.
   */
  put(actor: Actor, input: SsoConfigurationInput): Promise<{ configuration: SsoConfiguration; created: boolean }> {
    return this.store.write(async (repos) => {
      const workspaceId = actor.workspaceId;
      const settings = await checkSsoSettings(repos, workspaceId, input);
      const before = await repos.ssoConfigurations.get(workspaceId);
      const at = new Date().toISOString();
      const clientSecret = input.clientSecret === undefined
        ? before?.client_secret ?? null
        : input.clientSecret === null ? null : this.box.seal(input.clientSecret, ssoSecretContext(workspaceId));
      const columns = {
        issuer: settings.issuer,
        client_id: settings.clientId,
        client_secret: clientSecret,
        scopes: toJson(settings.scopes),
        groups_claim: settings.groupsClaim,
        group_mappings: toJson(settings.groupMappings),
        attribute_mappings: toJson(settings.attributeMappings),
        allowed_domains: toJson(settings.allowedDomains),
        jit_enabled: settings.jitEnabled ? 1 : 0,
        jit_role: settings.jitRole,
        password_login_allowed: settings.passwordLoginAllowed ? 1 : 0,
        updated_at: at,
      };
      if (before) await repos.ssoConfigurations.update(workspaceId, columns);
      else await repos.ssoConfigurations.create({ workspace_id: workspaceId, ...columns, created_at: at });
      const secretChange = input.clientSecret === undefined ? {}
        : input.clientSecret !== null ? { secretNames: ['clientSecret'] }
          : before?.client_secret ? { removedSecretNames: ['clientSecret'] } : {};
      await recordAudit(repos, {
        action: 'sso.configured', target: { type: 'sso_configuration', id: workspaceId }, workspaceId,
        changes: { ...settings, ...secretChange },
      });
      return { configuration: toConfiguration(await load(repos, workspaceId)), created: !before };
    });
  }

  /** Whether `value` differs from the client secret `sealed` holds for the workspace (compared in constant time). */
  clientSecretDiffers(workspaceId: string, sealed: string, value: string): boolean {
    return differingSealed(this.box, { clientSecret: sealed }, { clientSecret: value }, () => ssoSecretContext(workspaceId)).length > 0;
  }

  /** Removes the configuration: the workspace's members sign in with passwords again. */
  delete(actor: Actor): Promise<void> {
    return this.store.write(async (repos) => {
      if (!(await repos.ssoConfigurations.delete(actor.workspaceId))) throw ssoNotConfigured(actor.workspaceId);
      await recordAudit(repos, { action: 'sso.removed', target: { type: 'sso_configuration', id: actor.workspaceId }, workspaceId: actor.workspaceId });
    });
  }
}

async function load(repos: Repositories, workspaceId: string): Promise<SsoConfigurationRow> {
  const row = await repos.ssoConfigurations.get(workspaceId);
  if (!row) throw ssoNotConfigured(workspaceId);
  return row;
}

function toConfiguration(row: SsoConfigurationRow): SsoConfiguration {
  return {
    workspaceId: row.workspace_id,
    ...ssoSettingsOf(row),
    clientSecretSet: row.client_secret !== null,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
