import type { SsoConfigurationRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { recordAudit } from './audit.ts';
import { DomainError, forbidden } from './errors.ts';
import { OidcRelyingParty, type ProviderClient, newSignInChecks } from './oidc-relying-party.ts';
import type { SecretBox } from './secrets.ts';
import type { ClientInfo, SessionService, StartedSession } from './session.service.ts';
import { type Claims, domainAllowed, safeReturnTo, verifiedEmail } from './sso-claims.ts';
import { ssoNotConfigured, ssoSecretContext } from './sso-configuration.service.ts';
import { admitSsoMember, syncFromClaims } from './sso-membership.ts';
import { type SsoSettings, ssoSettingsOf } from './sso-settings.ts';
import { hashTokenSecret } from './token-secret.ts';
import { writeUnique } from './unique.ts';
import { emailDomain } from './workspace-domains.ts';

/** How long a person has at the provider between the redirect and the callback. */
export const SSO_LOGIN_TTL_MS = 10 * 60_000;

/** A finished single sign-on: the new session, and the path the person asked to land on. */
export interface SsoSignedIn extends StartedSession {
  userId: string;
  returnTo: string;
}

/** The context a sign-in's PKCE verifier is sealed in: it opens only for the state it was made with. */
function verifierContext(stateHash: string): string {
  return `sso-login:${stateHash}:code_verifier`;
}

function invalidState(reason: string): DomainError {
  return new DomainError('invalid_input', 'invalid_sso_state', `${reason}; start the sign-in again`);
}

/**
 * Single sign-on over OpenID Connect (authorization code flow with PKCE, state and nonce).
 *
 * `start` keeps the sign-in's state (hashed), its sealed PKCE verifier, nonce and return path
 * in the database for ten minutes, so the callback may reach any server process. `finish`
 * takes that row first, in a statement of its own, so a state works once whatever happens
 * next; then the provider must vouch for the email (verified, in an allowed domain), and one
 * transaction admits the member (sso-membership.ts), brings their groups and attribute
 * values in line with the claims, starts the session and records `auth.signed_in`: a refusal
 * anywhere in it changes nothing.
 */
export class SsoSignInService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
    private readonly sessions: SessionService,
    private readonly relyingParty: OidcRelyingParty = new OidcRelyingParty(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The provider's authorization URL to send the person to; `redirectUri` is this server's callback. */
  async start(workspaceId: string, returnTo: string | undefined, redirectUri: string): Promise<string> {
    const landing = safeReturnTo(returnTo);
    const row = await this.store.read((repos) => loadConfiguration(repos, workspaceId));
    const checks = newSignInChecks();
    const url = await this.relyingParty.authorizationUrl(this.clientOf(row), redirectUri, ssoSettingsOf(row).scopes, checks);
    const stateHash = hashTokenSecret(checks.state);
    const now = this.now();
    await this.store.write(async (repos) => {
      await repos.ssoLogins.purgeExpired(new Date(now).toISOString());
      await repos.ssoLogins.create({
        state_hash: stateHash,
        workspace_id: workspaceId,
        code_verifier: this.box.seal(checks.codeVerifier, verifierContext(stateHash)),
        nonce: checks.nonce,
        return_to: landing,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + SSO_LOGIN_TTL_MS).toISOString(),
      });
    });
    return url;
  }

  /**
   * Completes the sign-in the callback URL (the redirect URI with the query the provider
   * sent) belongs to. An unknown, used, expired or altered state is a 400
   * `invalid_sso_state`; a code the provider refuses (used, expired) or an answer that fails
   * its checks a 400 `sso_failed`; an email not verified a 403 `sso_email_unverified`, or
   * outside the allowed domains a 403 `sso_domain_refused`.
   */
  async finish(callbackUrl: URL, client: ClientInfo): Promise<SsoSignedIn> {
    const state = callbackUrl.searchParams.get('state');
    if (!state) throw invalidState('The callback carries no state');
    const stateHash = hashTokenSecret(state);
    const login = await this.store.write((repos) => repos.ssoLogins.take(stateHash));
    if (!login) throw invalidState('This sign-in is unknown or was already used');
    if (new Date(login.expires_at).getTime() <= this.now()) throw invalidState('This sign-in took longer than 10 minutes');
    let codeVerifier: string;
    try {
      codeVerifier = this.box.open(login.code_verifier, verifierContext(stateHash));
    } catch {
      throw invalidState('This sign-in cannot be read');
    }
    const row = await this.store.read((repos) => loadConfiguration(repos, login.workspace_id));
    const settings = ssoSettingsOf(row);
    const claims = await this.relyingParty.claims(this.clientOf(row), callbackUrl, { state, nonce: login.nonce, codeVerifier });

    const workspaceId = login.workspace_id;
    const email = verifiedEmail(claims);
    try {
      if (!email) throw forbidden('sso_email_unverified', 'The identity provider did not vouch for an email address (email_verified)');
      if (!domainAllowed(email, settings.allowedDomains)) {
        throw forbidden('sso_domain_refused', `Email addresses of ${emailDomain(email)} may not sign in to this workspace`);
      }
      return await this.admit(workspaceId, settings, email, claims, client, login.return_to ?? '/');
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'forbidden') {
        await this.store.write((repos) => recordAudit(repos, {
          action: 'auth.sign_in_failed', target: { type: 'account', id: email ?? String(claims.sub) }, workspaceId,
          changes: { method: 'sso', email, reason: error.code, address: client.address, userAgent: client.userAgent },
        }));
      }
      throw error;
    }
  }

  /** The transaction of a sign-in the provider vouched for. */
  private admit(workspaceId: string, settings: SsoSettings, email: string, claims: Claims, client: ClientInfo, returnTo: string): Promise<SsoSignedIn> {
    return writeUnique(this.store, async (repos) => {
      const at = new Date(this.now()).toISOString();
      const member = await admitSsoMember(repos, workspaceId, settings, email, claims, at);
      const sync = await syncFromClaims(repos, workspaceId, settings, member, claims, at);
      const started = await this.sessions.start(repos, member.userId, 'sso', client);
      await recordAudit(repos, {
        action: 'auth.signed_in', target: { type: 'account', id: member.userId }, workspaceId,
        changes: {
          method: 'sso', sessionId: started.session.id, address: client.address, userAgent: client.userAgent, issuer: settings.issuer,
          ...(member.joined ? { joined: true, role: member.role } : {}),
          ...(sync.groupsAdded.length > 0 ? { groupsAdded: sync.groupsAdded } : {}),
          ...(sync.groupsRemoved.length > 0 ? { groupsRemoved: sync.groupsRemoved } : {}),
          ...(Object.keys(sync.attributes).length > 0 ? { attributes: sync.attributes } : {}),
        },
      });
      return { ...started, userId: member.userId, returnTo };
    }, () => new DomainError('conflict', 'sso_sign_in_conflict', 'Another sign-in of this person was being completed at the same moment; try again'));
  }

  private clientOf(row: SsoConfigurationRow): ProviderClient {
    return {
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: row.client_secret === null ? null : this.box.open(row.client_secret, ssoSecretContext(row.workspace_id)),
    };
  }
}

/** The configuration of an active workspace: 404 without one, 403 `workspace_archived` for an archived workspace. */
async function loadConfiguration(repos: Repositories, workspaceId: string): Promise<SsoConfigurationRow> {
  const workspace = await repos.workspaces.get(workspaceId);
  if (workspace?.status === 'archived') throw forbidden('workspace_archived', `Workspace ${workspaceId} is archived`);
  const row = workspace ? await repos.ssoConfigurations.get(workspaceId) : undefined;
  if (!row) throw ssoNotConfigured(workspaceId);
  return row;
}
