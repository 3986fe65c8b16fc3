import { generateKeyPairSync } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';

/** The claims a test person has at the provider, beyond `sub`. */
export type PersonClaims = Record<string, unknown>;

export interface IdentityProviderOptions {
  clientId: string;
  clientSecret: string;
  /** Toolplane's callback, registered for the client. */
  redirectUri: string;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with one static client. People are
 * whatever `people` holds when they sign in (account id → claims), so a test changes a
 * person's groups or attributes by changing the map. Logging in and consenting are done
 * by the test through `signIn`, not by a form.
 */
export class TestIdentityProvider {
  /** Which account the interaction of each uid signs in. */
  private readonly logins = new Map<string, string>();

  private constructor(
    readonly people: Map<string, PersonClaims>,
    private readonly server: Server,
    private readonly provider: Provider,
    readonly issuer: string,
    private readonly options: IdentityProviderOptions,
  ) {}

  static async start(options: IdentityProviderOptions): Promise<TestIdentityProvider> {
    let handle: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => response.end();
    const server = createServer((request, response) => handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const people = new Map<string, PersonClaims>();
    const store = new Map<string, AdapterPayload>();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      adapter: (model: string) => new MapAdapter(model, store),
      clients: [{
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      }],
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'given_name', 'family_name'],
        groups: ['groups'],
        organization: ['department', 'level'],
      },
      findAccount: (_ctx, sub) => {
        const claims = people.get(sub);
        return claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined;
      },
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-signing', alg: 'RS256', use: 'sig' }] as never },
      cookies: { keys: ['test-provider-cookie-key'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    });
    const idp = new TestIdentityProvider(people, server, provider, issuer, options);
    const callback = provider.callback();
    handle = (request, response) => {
      if (request.url?.startsWith('/interaction/')) {
        idp.interact(request, response).catch((error: Error) => {
          response.statusCode = 500;
          response.end(error.message);
        });
      } else {
        callback(request, response);
      }
    };
    return idp;
  }

  /**
   * Follows an authorization URL the way a browser would, signing `accountId` in and
   * consenting, and answers the URL the provider sends the browser back to (Toolplane's
   * callback with `code`, `state` and `iss`). Each call starts without provider cookies:
   * a fresh browser.
   */
  async signIn(authorizationUrl: string, accountId: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hops = 0; hops < 10; hops += 1) {
      const response = await fetch(url, {
        redirect: 'manual', headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${await response.text()}`);
      url = new URL(location, url);
      if (url.href.startsWith(`${this.options.redirectUri}?`)) return url;
      if (url.pathname.startsWith('/interaction/')) this.logins.set(url.pathname.split('/')[2]!, accountId);
    }
    throw new Error('the provider kept redirecting');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The provider's interaction: log the account in, then grant what the client asked for. */
  private async interact(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(request, response);
    const accountId = this.logins.get(details.uid) ?? details.session?.accountId;
    if (!accountId) throw new Error(`no test login for interaction ${details.uid}`);
    if (details.prompt.name === 'login') {
      await this.provider.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new this.provider.Grant({ accountId, clientId: this.options.clientId });
    grant.addOIDCScope(String(details.params.scope));
    await this.provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
}

/** The provider's storage, in memory: codes, sessions, grants and interactions by model and id. */
class MapAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: Map<string, AdapterPayload>,
  ) {}

  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.store.set(this.key(id), payload);
    if (payload.uid) this.store.set(`${this.model}:uid:${payload.uid}`, payload);
    if (payload.userCode) this.store.set(`${this.model}:userCode:${payload.userCode}`, payload);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.store.get(`${this.model}:uid:${uid}`);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.store.get(`${this.model}:userCode:${userCode}`);
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    this.store.delete(this.key(id));
    if (payload?.uid) this.store.delete(`${this.model}:uid:${payload.uid}`);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, payload] of this.store) if (payload.grantId === grantId) this.store.delete(key);
  }

  private key(id: string): string {
    return `${this.model}:${id}`;
  }
}
