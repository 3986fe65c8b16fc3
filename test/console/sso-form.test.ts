import { describe, expect, it } from 'vitest';
import { type SsoConfiguration, type SsoFormValues, formFieldOf, ssoBody, ssoBodyOf, ssoFormValues, validateSsoForm } from '../../web/src/sso/sso-form.ts';

const stored: SsoConfiguration = {
  workspaceId: '00000000-0000-4000-8000-000000000001',
  issuer: 'https://login.example.com',
  clientId: 'toolplane',
  clientSecretSet: true,
  scopes: ['openid', 'email', 'groups'],
  groupsClaim: 'groups',
  groupMappings: { eng: ['Engineering'], 'eng.leads': ['Engineering', 'Leads'] },
  attributeMappings: { dept: 'department' },
  allowedDomains: ['example.com', 'example.org'],
  jitEnabled: true,
  jitRole: 'builder',
  passwordLoginAllowed: false,
  redirectUri: 'http://127.0.0.1:8080/api/v1/auth/sso/callback',
  signInUrl: 'http://127.0.0.1:8080/api/v1/auth/sso/x/start',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const valid = (changes: Partial<SsoFormValues> = {}): SsoFormValues => ({ ...ssoFormValues(stored), ...changes });

describe('the single sign-on form', () => {
  it('starts from the server\'s defaults without a configuration', () => {
    const values = ssoFormValues(null);
    expect(values).toMatchObject({ scopes: 'openid email profile', groupRows: [], jitEnabled: false, jitRole: 'end-user', passwordLoginAllowed: true, clientSecret: '' });
    expect(validateSsoForm(values)).toEqual({ issuer: expect.any(String), clientId: 'Enter the client ID' });
  });

  it('sends the stored configuration back as it was, without a client secret so the stored one is kept', () => {
    const body = ssoBody(valid());
    expect(validateSsoForm(valid())).toEqual({});
    expect(body).not.toHaveProperty('clientSecret');
    expect(body).toEqual({
      issuer: stored.issuer, clientId: stored.clientId, scopes: stored.scopes, groupsClaim: 'groups', groupMappings: stored.groupMappings,
      attributeMappings: stored.attributeMappings, allowedDomains: stored.allowedDomains, jitEnabled: true, jitRole: 'builder', passwordLoginAllowed: false,
    });
    expect(ssoBody(valid({ clientSecret: 'new secret' })).clientSecret).toBe('new secret');
  });

  it('removes only the secret when asked, keeping every other setting', () => {
    expect(ssoBodyOf(stored, null)).toEqual({ ...ssoBody(valid()), clientSecret: null });
  });

  it('trims, drops blank rows, and reads lists typed as text', () => {
    const body = ssoBody(valid({
      issuer: ' https://idp.test ', scopes: 'openid  email,openid', groupsClaim: ' ', domains: 'Example.COM\nacme.test',
      groupRows: [{ claim: '', groups: [] }], attributeRows: [{ claim: ' dept ', attribute: 'department' }, { claim: '', attribute: '' }],
    }));
    expect(body).toMatchObject({
      issuer: 'https://idp.test', scopes: ['openid', 'email'], groupsClaim: null, groupMappings: {}, attributeMappings: { dept: 'department' },
      allowedDomains: ['example.com', 'acme.test'],
    });
  });

  it('refuses an issuer that is not https unless it is a loopback address', () => {
    expect(validateSsoForm(valid({ issuer: 'http://login.example.com' })).issuer).toMatch(/https/);
    expect(validateSsoForm(valid({ issuer: 'not a url' })).issuer).toMatch(/issuer URL/);
    expect(validateSsoForm(valid({ issuer: 'https://idp.test/?tenant=1' })).issuer).toMatch(/query/);
    for (const issuer of ['http://127.0.0.1:9000', 'http://localhost:9000/realms/x', 'http://[::1]:9000']) {
      expect(validateSsoForm(valid({ issuer })).issuer).toBeUndefined();
    }
  });

  it('asks for openid among valid scopes', () => {
    expect(validateSsoForm(valid({ scopes: 'email profile' })).scopes).toBe('Must include openid');
    expect(validateSsoForm(valid({ scopes: 'openid "quoted"' })).scopes).toBe('""quoted"" is not a scope');
  });

  it('checks the mappings row by row', () => {
    const errors = validateSsoForm(valid({
      groupsClaim: '',
      groupRows: [{ claim: 'eng', groups: ['Engineering'] }, { claim: 'eng', groups: [] }, { claim: ' ', groups: ['Leads'] }],
      attributeRows: [{ claim: 'dept', attribute: 'department' }, { claim: 'two words', attribute: 'department' }, { claim: 'cost', attribute: '' }],
    }));
    expect(errors).toEqual({
      groupsClaim: 'Name the claim the group mappings read',
      'groupRows.1.claim': '"eng" is mapped twice',
      'groupRows.1.groups': 'Choose at least one group',
      'groupRows.2.claim': 'Enter the claim value',
      'attributeRows.1.claim': 'A claim name: no spaces',
      'attributeRows.1.attribute': 'department is already filled from another claim',
      'attributeRows.2.attribute': 'Choose an attribute',
    });
  });

  it('asks for allowed domains when people join at first sign-in', () => {
    expect(validateSsoForm(valid({ domains: '' })).domains).toMatch(/List the domains/);
    expect(validateSsoForm(valid({ domains: '', jitEnabled: false })).domains).toBeUndefined();
    expect(validateSsoForm(valid({ domains: 'example.com, not_a domain' })).domains).toBe('"not_a" is not a domain like example.com');
  });

  it('puts a server error on the field or mapping row it names', () => {
    const values = valid();
    expect(formFieldOf('issuer', values)).toBe('issuer');
    expect(formFieldOf('scopes.2', values)).toBe('scopes');
    expect(formFieldOf('allowedDomains', values)).toBe('domains');
    expect(formFieldOf('groupMappings.eng.leads', values)).toBe('groupRows.1.groups');
    expect(formFieldOf('attributeMappings.dept', values)).toBe('attributeRows.0.attribute');
    expect(formFieldOf('attributeMappings.unknown', values)).toBeNull();
    expect(formFieldOf('groupMappings', values)).toBeNull();
  });
});
