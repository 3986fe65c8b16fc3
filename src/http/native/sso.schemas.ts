import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

const Role = (description: string) => Type.Enum(['admin', 'builder', 'end-user'], { description });

function StringMap<T>(valueSchema: object, description: string) {
  return Type.Unsafe<Record<string, T>>({ type: 'object', additionalProperties: valueSchema, maxProperties: 500, description });
}

const Name = { type: 'string', minLength: 1, maxLength: 255 };

const settings = {
  issuer: Type.String({
    minLength: 1, maxLength: 2048,
    description: 'The provider\'s issuer URL; its `/.well-known/openid-configuration` is read. https, or plain http on a loopback address only.',
  }),
  clientId: Type.String({ minLength: 1, maxLength: 255, description: 'The client ID Toolplane has at the provider.' }),
};

const optionalSettings = {
  scopes: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), {
    maxItems: 50, description: 'Scopes asked for; must include `openid`. Default `["openid","email","profile"]`.',
  }),
  groupsClaim: Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()], {
    description: 'The claim listing the person\'s groups at the provider (a dotted path reaches into objects: `realm_access.roles`); null for none.',
  }),
  groupMappings: StringMap<string[]>(
    { type: 'array', items: Name, maxItems: 100 },
    'Value of the groups claim → names of this workspace\'s groups a person with that value belongs to. Each sign-in adds the mapped '
      + 'groups the claims reach and removes the mapped groups they do not; groups no mapping names are left alone.',
  ),
  attributeMappings: StringMap<string>(
    Name,
    'Claim → name of a user attribute of this workspace, set from the claim at each sign-in (an absent claim removes the value).',
  ),
  allowedDomains: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), {
    maxItems: 100, description: 'Email domains that may sign in (exactly; subdomains not included). Empty allows any verified email.',
  }),
  jitEnabled: Type.Boolean({ description: 'Whether a person who is not a member yet joins at their first sign-in (needs `allowedDomains`).' }),
  jitRole: Role('The role of a person who joins at sign-in.'),
  passwordLoginAllowed: Type.Boolean({
    description: 'false refuses password sign-in to people whose default workspace this is; instance admins keep it.',
  }),
};

export const SsoConfiguration = Type.Object(
  {
    workspaceId: Uuid('The workspace configured.'),
    ...settings,
    clientSecretSet: Type.Boolean({ description: 'Whether a client secret is stored. The secret itself is write-only.' }),
    ...optionalSettings,
    redirectUri: Type.String({ description: 'The redirect URI to register at the provider.' }),
    signInUrl: Type.String({ description: 'Where people start signing in to this workspace (`?returnTo=/path` to land elsewhere than `/`).' }),
    createdAt: Timestamp('When single sign-on was configured.'),
    updatedAt: Timestamp('When the configuration last changed.'),
  },
  { description: 'The workspace\'s single sign-on over OpenID Connect. The client secret never appears.' },
);

export const SsoConfigurationBody = Type.Object(
  {
    ...settings,
    clientSecret: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 1024 }), Type.Null()], {
      description: 'The client secret, encrypted at rest and never returned. Left out, the stored one is kept; null removes it (a public client using PKCE alone).',
    })),
    scopes: Type.Optional(optionalSettings.scopes),
    groupsClaim: Type.Optional(optionalSettings.groupsClaim),
    groupMappings: Type.Optional(optionalSettings.groupMappings),
    attributeMappings: Type.Optional(optionalSettings.attributeMappings),
    allowedDomains: Type.Optional(optionalSettings.allowedDomains),
    jitEnabled: Type.Optional(optionalSettings.jitEnabled),
    jitRole: Type.Optional(optionalSettings.jitRole),
    passwordLoginAllowed: Type.Optional(optionalSettings.passwordLoginAllowed),
  },
  { description: 'The whole configuration: fields left out take their defaults, except `clientSecret`, which is kept.' },
);

export const SsoStartParams = Type.Object({ workspaceId: Uuid('The workspace to sign in to.') });

export const SsoStartQuery = Type.Object({
  returnTo: Type.Optional(Type.String({ maxLength: 2048, description: 'A path on this server to land on after signing in; default `/`.' })),
});

export const SsoCallbackQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 512, description: 'The state Toolplane sent, back from the provider.' })),
  code: Type.Optional(Type.String({ maxLength: 4096, description: 'The authorization code.' })),
  iss: Type.Optional(Type.String({ maxLength: 2048, description: 'The issuer that answered (RFC 9207).' })),
  error: Type.Optional(Type.String({ maxLength: 255, description: 'The provider\'s error, when it refused.' })),
  error_description: Type.Optional(Type.String({ maxLength: 2048, description: 'The provider\'s explanation of the error.' })),
});

export const Redirect = Type.Null({ description: 'A redirect; `Location` says where.' });
