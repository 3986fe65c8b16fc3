import { Type } from 'typebox';
import { DomainError, invalidInput } from '../../core/errors.ts';
import { Envelope, ok } from './envelope.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';
import { splitAt, withPlaceholders } from './settings-secrets.ts';

/** How Retool answers a secret it keeps encrypted: this JSON text, its key hash and ciphertext withheld. */
export const RETOOL_ENCRYPTED_JSON = JSON.stringify({
  canaryValue: '__RETOOL_ENCRYPTED_JSON__', methodVersion: 2, encryptionKeyHash: 'REDACTED', encryptedValue: 'REDACTED', iv: null, authTag: null,
});

const SECRET_FIELDS = ['google_client_secret', 'oidc_client_secret', 'ldap_server_key', 'ldap_server_certificate'];

const GOOGLE = { google_client_id: 'string', google_client_secret: 'string' } as const;
const OIDC = {
  oidc_client_id: 'string', oidc_client_secret: 'string', oidc_scopes: 'string', oidc_auth_url: 'string', oidc_token_url: 'string',
  oidc_userinfo_url: 'string', oidc_audience: 'string', jwt_email_key: 'string', jwt_roles_key: 'string', jwt_first_name_key: 'string',
  jwt_last_name_key: 'string', roles_mapping: 'string', jit_enabled: 'boolean', restricted_domain: 'string', trigger_login_automatically: 'boolean',
} as const;
const SAML = {
  idp_metadata_xml: 'string', saml_first_name_attribute: 'string', saml_last_name_attribute: 'string', saml_groups_attribute: 'string',
  saml_sync_group_claims: 'boolean', ldap_sync_group_claims: 'boolean', ldap_role_mapping: 'string', ldap_server_url: 'string',
  ldap_base_domain_components: 'string', ldap_server_name: 'string', ldap_server_key: 'string', ldap_server_certificate: 'string',
  jit_enabled: 'boolean', restricted_domain: 'string', trigger_login_automatically: 'boolean',
} as const;

/** The fields each of Retool's SSO variants has, and those it requires (Retool's spec 2.12.0). */
const VARIANTS: Record<string, { fields: Record<string, 'string' | 'boolean'>; required: string[] }> = {
  google: { fields: { ...GOOGLE }, required: ['google_client_id', 'google_client_secret'] },
  oidc: {
    fields: { ...OIDC },
    required: ['jit_enabled', 'jwt_email_key', 'jwt_first_name_key', 'jwt_last_name_key', 'oidc_auth_url', 'oidc_client_id', 'oidc_client_secret',
      'oidc_scopes', 'oidc_token_url', 'trigger_login_automatically'],
  },
  saml: {
    fields: { ...SAML },
    required: ['idp_metadata_xml', 'jit_enabled', 'saml_first_name_attribute', 'saml_last_name_attribute', 'saml_sync_group_claims', 'trigger_login_automatically'],
  },
};
VARIANTS['google & oidc'] = { fields: { ...GOOGLE, ...OIDC }, required: [...VARIANTS.google!.required, ...VARIANTS.oidc!.required] };
VARIANTS['google & saml'] = { fields: { ...GOOGLE, ...SAML }, required: [...VARIANTS.google!.required, ...VARIANTS.saml!.required] };

const ALL_FIELDS = Object.fromEntries(Object.values(VARIANTS).flatMap((variant) => Object.entries(variant.fields))
  .map(([name, type]) => [name, Type.Optional(type === 'string' ? Type.String({ maxLength: 1_000_000 }) : Type.Boolean())]));

const SsoBody = Type.Object({
  data: Type.Object({
    config_type: Type.String({ enum: Object.keys(VARIANTS) }),
    disable_email_password_login: Type.Boolean(),
    ...ALL_FIELDS,
  }),
});

const SsoAnswer = Envelope(Type.Record(Type.String(), Type.Unknown()));

/** The variant's own fields of the body, every required one present; a field of another variant is a 400. */
function configOf(data: Record<string, unknown>): Record<string, unknown> {
  const variant = VARIANTS[data.config_type as string]!;
  const config: Record<string, unknown> = { config_type: data.config_type, disable_email_password_login: data.disable_email_password_login };
  for (const [name, value] of Object.entries(data)) {
    if (name === 'config_type' || name === 'disable_email_password_login' || value === undefined) continue;
    if (!(name in variant.fields)) throw invalidInput(`data.${name}`, `is not a field of ${data.config_type} SSO`);
    config[name] = value;
  }
  const missing = variant.required.find((name) => config[name] === undefined);
  if (missing) throw invalidInput(`data.${missing}`, `is required for ${data.config_type} SSO`);
  return config;
}

/**
 * Retool's SSO configuration (Google, OIDC, SAML and their combinations), kept for Retool's
 * clients with its secrets sealed. It does not drive Toolplane's own sign-in, whose OpenID
 * Connect settings (/api/v1/sso) need an issuer and the workspace's existing groups.
 */
export function ssoRoutes(app: RetoolApp, { services: { retool } }: RetoolContext): void {
  app.get('/sso/config', { config: { scope: 'sso:read' }, schema: { response: { 200: SsoAnswer } } }, async (request) => {
    const stored = await retool.settings(request.actor, 'sso');
    if (!stored) throw new DomainError('not_found', 'sso_not_configured', 'SSO is not configured');
    return ok(withPlaceholders(stored.settings, stored.secretNames, RETOOL_ENCRYPTED_JSON));
  });

  // Replaces the whole configuration: a field left out is gone.
  app.post('/sso/config', { config: { scope: 'sso:write' }, schema: { body: SsoBody, response: { 200: SsoAnswer } } }, async (request) => {
    const split = splitAt(configOf(request.body.data), SECRET_FIELDS, RETOOL_ENCRYPTED_JSON);
    const { settings } = await retool.putSettings(request.actor, 'sso', split.settings, split.secrets, split.kept);
    return ok(withPlaceholders(settings.settings, settings.secretNames, RETOOL_ENCRYPTED_JSON));
  });

  app.delete('/sso/config', { config: { scope: 'sso:write' } }, async (request, reply) => {
    await retool.deleteSettings(request.actor, 'sso');
    reply.code(204);
    return null;
  });
}
