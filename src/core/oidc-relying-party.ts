import { hash } from 'node:crypto';
import { isIP } from 'node:net';
import * as oidc from 'openid-client';
import { DomainError } from './errors.ts';
import type { Claims } from './sso-claims.ts';

/** What identifies Toolplane to one workspace's identity provider. */
export interface ProviderClient {
  issuer: string;
  clientId: string;
  /** The client secret in clear; null for a public client (PKCE alone). */
  clientSecret: string | null;
}

/** The one-time values of one sign-in, kept between the redirect and the callback. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** How long a discovered provider (its metadata and signing keys) is reused. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const MAX_REMEMBERED = 200;
/** Seconds each request to a provider may take. */
const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Whether a URL's host is a loopback address (127.0.0.0/8, ::1, `localhost`): the only
 * hosts a provider may be reached at over plain http, for development and tests. Anything
 * else must be https, as openid-client requires.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** One-time values for a new sign-in: random state, nonce and PKCE verifier. */
export function newSignInChecks(): SignInChecks {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/**
 * The relying party side of OpenID Connect's authorization code flow, over openid-client:
 * discovery from the issuer, the authorization URL (PKCE S256, state, nonce), and the code
 * exchange, which checks state, nonce, PKCE, the ID token's signature, issuer, audience and
 * lifetime. Provider failures become DomainErrors: 400 `sso_failed` when the provider or
 * its answer refuses the sign-in, 503 `sso_provider_unreachable` when it cannot be reached.
 */
export class OidcRelyingParty {
  /** Discovered providers by issuer, client and secret: a changed configuration is discovered anew. */
  private readonly discovered = new Map<string, { configuration: Promise<oidc.Configuration>; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async authorizationUrl(client: ProviderClient, redirectUri: string, scopes: readonly string[], checks: SignInChecks): Promise<string> {
    const configuration = await this.configurationOf(client);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: scopes.join(' '),
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /**
   * Exchanges the code the callback URL carries and answers the person's claims: the ID
   * token's, with the UserInfo endpoint's over them when the provider has one (its `sub`
   * must be the ID token's). `callbackUrl` is the redirect URI with the query received.
   */
  async claims(client: ProviderClient, callbackUrl: URL, checks: SignInChecks): Promise<Claims> {
    const configuration = await this.configurationOf(client);
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new DomainError('invalid_input', 'sso_failed', 'The identity provider answered no ID token');
      if (!configuration.serverMetadata().userinfo_endpoint) return { ...idToken };
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      return { ...idToken, ...userInfo };
    } catch (error) {
      throw providerFailure(error, client.issuer);
    }
  }

  private configurationOf(client: ProviderClient): Promise<oidc.Configuration> {
    const key = JSON.stringify([client.issuer, client.clientId, client.clientSecret === null ? null : hash('sha256', client.clientSecret, 'hex')]);
    const now = this.now();
    const remembered = this.discovered.get(key);
    if (remembered && remembered.expiresAt > now) return remembered.configuration;
    if (this.discovered.size >= MAX_REMEMBERED) {
      for (const [stale, entry] of this.discovered) if (entry.expiresAt <= now) this.discovered.delete(stale);
      if (this.discovered.size >= MAX_REMEMBERED) this.discovered.clear();
    }
    const configuration = discover(client);
    this.discovered.set(key, { configuration, expiresAt: now + DISCOVERY_TTL_MS });
    // A failed discovery is not remembered: the next sign-in tries again.
    configuration.catch(() => this.discovered.delete(key));
    return configuration;
  }
}

async function discover(client: ProviderClient): Promise<oidc.Configuration> {
  const issuer = new URL(client.issuer);
  const authentication = client.clientSecret === null ? oidc.None() : oidc.ClientSecretBasic(client.clientSecret);
  try {
    return await oidc.discovery(issuer, client.clientId, undefined, authentication, {
      execute: issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname) ? [oidc.allowInsecureRequests] : [],
      timeout: REQUEST_TIMEOUT_SECONDS,
    });
  } catch (error) {
    throw providerFailure(error, client.issuer);
  }
}

const UNREACHABLE_CODES = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT']);

/** What a failure of openid-client means to the person signing in; never the secret or the tokens. */
function providerFailure(error: unknown, issuer: string): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    const described = error.error_description ? `${error.error} (${error.error_description})` : error.error;
    return new DomainError('invalid_input', 'sso_failed',
      `The identity provider refused the sign-in: ${described}. An authorization code works once and for a short time; start the sign-in again`);
  }
  const code = (error as { code?: unknown }).code;
  if (error instanceof TypeError || (typeof code === 'string' && UNREACHABLE_CODES.has(code))) {
    return new DomainError('unavailable', 'sso_provider_unreachable', `The identity provider at ${issuer} could not be reached`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DomainError('invalid_input', 'sso_failed', `The identity provider's answer was refused: ${message}`);
}
