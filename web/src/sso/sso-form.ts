import type { paths } from '../api/client.ts';
import type { Role } from '../api/role.ts';
import { parseDomains } from '../workspaces/domains.ts';

/** The workspace's single sign-on as `GET /sso` answers it. */
export type SsoConfiguration = paths['/sso']['get']['responses'][200]['content']['application/json'];
/** What `PUT /sso` takes: the whole configuration. */
export type SsoBody = paths['/sso']['put']['requestBody']['content']['application/json'];

/** One claim value of the groups claim and the workspace groups it puts a person in. */
export interface GroupRow {
  claim: string;
  groups: string[];
}

/** One claim and the user attribute it fills. */
export interface AttributeRow {
  claim: string;
  attribute: string;
}

/** The configuration as the form edits it: lists as text, mappings as rows. */
export interface SsoFormValues {
  issuer: string;
  clientId: string;
  /** A new client secret; empty keeps the stored one (or sets none). Never filled from the server. */
  clientSecret: string;
  /** Scopes separated by spaces, as OAuth writes them. */
  scopes: string;
  groupsClaim: string;
  groupRows: GroupRow[];
  attributeRows: AttributeRow[];
  /** Allowed email domains separated by commas, spaces or lines. */
  domains: string;
  jitEnabled: boolean;
  jitRole: Role;
  passwordLoginAllowed: boolean;
}

export const DEFAULT_SCOPES = 'openid email profile';

/** The form's starting values: the stored configuration, or the server's defaults when there is none. */
export function ssoFormValues(configuration: SsoConfiguration | null): SsoFormValues {
  if (!configuration) {
    return {
      issuer: '', clientId: '', clientSecret: '', scopes: DEFAULT_SCOPES, groupsClaim: '', groupRows: [], attributeRows: [],
      domains: '', jitEnabled: false, jitRole: 'end-user', passwordLoginAllowed: true,
    };
  }
  return {
    issuer: configuration.issuer,
    clientId: configuration.clientId,
    clientSecret: '',
    scopes: configuration.scopes.join(' '),
    groupsClaim: configuration.groupsClaim ?? '',
    groupRows: Object.entries(configuration.groupMappings).map(([claim, groups]) => ({ claim, groups: [...groups] })),
    attributeRows: Object.entries(configuration.attributeMappings).map(([claim, attribute]) => ({ claim, attribute })),
    domains: configuration.allowedDomains.join(', '),
    jitEnabled: configuration.jitEnabled,
    jitRole: configuration.jitRole,
    passwordLoginAllowed: configuration.passwordLoginAllowed,
  };
}

/** A scope value (RFC 6749 §3.3): visible ASCII but `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const CLAIM_NAME = /^\S{1,255}$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function parseScopes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** A row the person added and left blank is dropped, not refused. */
const blankGroupRow = (row: GroupRow) => !row.claim.trim() && row.groups.length === 0;
const blankAttributeRow = (row: AttributeRow) => !row.claim.trim() && !row.attribute;

function issuerError(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'The provider\'s issuer URL, such as https://login.example.com';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    return 'Must start with https:// (plain http only for a loopback address such as 127.0.0.1)';
  }
  if (url.search || url.hash || url.username || url.password) return 'No query, fragment or credentials';
  return null;
}

/**
 * Checks the form as the server would, before anything is sent. Answers the errors by form
 * field (`groupRows.<n>.claim`, ...); none means the form may be sent.
 */
export function validateSsoForm(values: SsoFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const issuer = issuerError(values.issuer);
  if (issuer) errors.issuer = issuer;
  const clientId = values.clientId.trim();
  if (!clientId || clientId.length > 255) errors.clientId = clientId ? 'At most 255 characters' : 'Enter the client ID';
  if (values.clientSecret.length > 1024) errors.clientSecret = 'At most 1,024 characters';
  const scopes = parseScopes(values.scopes);
  const badScope = scopes.find((scope) => !SCOPE_TOKEN.test(scope));
  if (badScope) errors.scopes = `"${badScope}" is not a scope`;
  else if (!scopes.includes('openid')) errors.scopes = 'Must include openid';
  else if (scopes.length > 50) errors.scopes = 'At most 50 scopes';
  const groupsClaim = values.groupsClaim.trim();
  if (groupsClaim && !CLAIM_NAME.test(groupsClaim)) errors.groupsClaim = 'A claim name: no spaces, up to 255 characters';
  const claimValues = new Set<string>();
  values.groupRows.forEach((row, index) => {
    if (blankGroupRow(row)) return;
    const claim = row.claim.trim();
    if (!claim) errors[`groupRows.${index}.claim`] = 'Enter the claim value';
    else if (claimValues.has(claim)) errors[`groupRows.${index}.claim`] = `"${claim}" is mapped twice`;
    if (row.groups.length === 0) errors[`groupRows.${index}.groups`] = 'Choose at least one group';
    claimValues.add(claim);
  });
  if (claimValues.size > 0 && !groupsClaim) errors.groupsClaim = 'Name the claim the group mappings read';
  const claims = new Set<string>();
  const attributes = new Set<string>();
  values.attributeRows.forEach((row, index) => {
    if (blankAttributeRow(row)) return;
    const claim = row.claim.trim();
    if (!CLAIM_NAME.test(claim)) errors[`attributeRows.${index}.claim`] = claim ? 'A claim name: no spaces' : 'Enter the claim';
    else if (claims.has(claim)) errors[`attributeRows.${index}.claim`] = `"${claim}" is mapped twice`;
    if (!row.attribute) errors[`attributeRows.${index}.attribute`] = 'Choose an attribute';
    else if (attributes.has(row.attribute)) errors[`attributeRows.${index}.attribute`] = `${row.attribute} is already filled from another claim`;
    claims.add(claim);
    attributes.add(row.attribute);
  });
  const domains = parseDomains(values.domains);
  const badDomain = domains.find((domain) => !DOMAIN.test(domain));
  if (badDomain) errors.domains = `"${badDomain}" is not a domain like example.com`;
  else if (values.jitEnabled && domains.length === 0) errors.domains = 'List the domains that may join, or turn off joining at first sign-in';
  return errors;
}

/** The body of `PUT /sso`. The client secret is sent only when a new one was typed, so the stored one is kept. */
export function ssoBody(values: SsoFormValues): SsoBody {
  const groupsClaim = values.groupsClaim.trim();
  return {
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
    ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    scopes: parseScopes(values.scopes),
    groupsClaim: groupsClaim || null,
    groupMappings: Object.fromEntries(values.groupRows.filter((row) => !blankGroupRow(row)).map((row) => [row.claim.trim(), row.groups])),
    attributeMappings: Object.fromEntries(values.attributeRows.filter((row) => !blankAttributeRow(row)).map((row) => [row.claim.trim(), row.attribute])),
    allowedDomains: parseDomains(values.domains),
    jitEnabled: values.jitEnabled,
    jitRole: values.jitRole,
    passwordLoginAllowed: values.passwordLoginAllowed,
  };
}

/** The stored configuration sent back as it is, with only the client secret changed. */
export function ssoBodyOf(configuration: SsoConfiguration, clientSecret: string | null): SsoBody {
  const { issuer, clientId, scopes, groupsClaim, groupMappings, attributeMappings, allowedDomains, jitEnabled, jitRole, passwordLoginAllowed } = configuration;
  return { issuer, clientId, clientSecret, scopes, groupsClaim, groupMappings, attributeMappings, allowedDomains, jitEnabled, jitRole, passwordLoginAllowed };
}

const SAME_NAME = new Set(['issuer', 'clientId', 'clientSecret', 'scopes', 'groupsClaim', 'jitEnabled', 'jitRole', 'passwordLoginAllowed']);

/**
 * The form field a server error names, or null when it names none the form shows:
 * `groupMappings.<claim value>` is that mapping's row, `scopes.<n>` the scopes, `allowedDomains` the domains.
 */
export function formFieldOf(serverField: string, values: SsoFormValues): string | null {
  const [head] = serverField.split('.');
  if (head === 'allowedDomains') return 'domains';
  if (head && SAME_NAME.has(head)) return head;
  const rowOf = (list: 'groupRows' | 'attributeRows', prefix: string, field: string) => {
    if (!serverField.startsWith(prefix)) return null;
    const index = values[list].findIndex((row) => row.claim.trim() === serverField.slice(prefix.length));
    return index < 0 ? null : `${list}.${index}.${field}`;
  };
  return rowOf('groupRows', 'groupMappings.', 'groups') ?? rowOf('attributeRows', 'attributeMappings.', 'attribute');
}
