import type { SwaggerOptions } from '@fastify/swagger';
import type { TSchema } from 'typebox';
import { ALL_SCOPES } from '../core/scopes.ts';

declare module 'fastify' {
  interface FastifySchema {
    /** The servers an operation outside `/api/v1` lives on; such a route is documented. */
    servers?: ReadonlyArray<{ url: string; description?: string }>;
  }
  interface FastifyContextConfig {
    /** A body the route reads itself rather than through a schema Fastify validates: documented, never checked. */
    documentedBody?: { contentType: string; schema: TSchema };
  }
}

const NATIVE_PREFIX = '/api/v1';

/**
 * The native API's OpenAPI 3.1 document, generated from the route schemas. Paths are given
 * relative to the `/api/v1` server, as in the Retool Management API spec, so the document
 * is a superset of it path for path. Routes outside the native API are left out, except
 * those whose schema names the server they live on (the invite page). Public operations
 * (accepting an invite) say so with an empty `security` list.
 */
export function openapiOptions(): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Toolplane API',
        version: '1.0.0',
        description:
          'Manage users, invites, groups, apps, resources and folders of a workspace, and workspace settings. Authenticate with `Authorization: Bearer <token>`; '
          + 'an instance-wide token may pick a workspace with the `X-Workspace-Id` header. '
          + `Scopes: ${ALL_SCOPES.map((scope) => `\`${scope}\``).join(', ')} (write implies read).`,
      },
      servers: [{ url: NATIVE_PREFIX }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token: `Authorization: Bearer <token>`.' },
          sessionCookie: {
            type: 'apiKey', in: 'cookie', name: 'tp_session',
            description: 'A signed-in person\'s session (`POST /auth/login`). It acts with the person\'s role in the workspace; '
              + 'writes must carry the `x-toolplane-csrf` header.',
          },
        },
      },
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'Users', description: 'Members of the workspace, their role and disabled state.' },
        { name: 'User Attributes', description: 'Attributes defined in the workspace; users hold values of them.' },
        { name: 'Groups', description: 'Groups and group membership.' },
        { name: 'Apps', description: 'Applications.' },
        { name: 'Resources', description: 'Data source connections, with write-only secrets.' },
        { name: 'Folders', description: 'Folders organizing apps, resources and workflows.' },
        { name: 'Invites', description: 'Invitations by email, including external users; accepted through a one-time link.' },
        { name: 'Tokens', description: 'API tokens: scopes, workspace binding, expiry; the secret is shown once.' },
        { name: 'Workspaces', description: 'Workspace settings, such as the email domains that tell own people from external ones.' },
        { name: 'Workflows', description: 'Workflows, optionally in workflow folders.' },
        { name: 'Permissions', description: 'Access levels (use, edit, own) of users and groups on apps, resources, folders and workflows.' },
        { name: 'Sign-in', description: 'People sign in to sessions; their own account and sessions.' },
        { name: 'Single sign-on', description: 'A workspace\'s sign-in through its OpenID Connect provider: client, claims mapping, who may join.' },
      ],
    },
    // Each operation names the scope it needs, as OpenAPI 3.1 allows for any security scheme.
    transform: ({ schema, url, route }) => {
      const documentedBody = route?.config?.documentedBody;
      if (documentedBody) schema = { ...schema, body: documentedBody.schema, consumes: [documentedBody.contentType] };
      if (!url.startsWith(NATIVE_PREFIX)) return { schema: schema?.servers ? schema : { ...schema, hide: true }, url };
      const scope = route?.config?.scope;
      const security: Record<string, string[]>[] | undefined = scope
        ? [{ bearerAuth: [scope] }, { sessionCookie: [] }]
        : route?.config?.personal ? [{ bearerAuth: [] }, { sessionCookie: [] }] : undefined;
      const headers = scope ? guardHeaders(route.method, url) : undefined;
      return {
        schema: { ...schema, ...(security ? { security } : {}), ...(headers ? { headers } : {}) },
        url: url.slice(NATIVE_PREFIX.length) || '/',
      };
    },
  };
}

/** The request headers the write guards read (src/http/native/write-guards.ts), documented per operation. */
function guardHeaders(method: string | string[], url: string) {
  const methods = [method].flat();
  const header = (name: string, description: string) => ({
    type: 'object',
    properties: { [name]: { type: 'string', description } },
  });
  if (methods.includes('POST')) {
    return header('Idempotency-Key', 'Makes a retry safe: the same key and request within 24 hours answers the first answer '
      + 'again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`.');
  }
  if (methods.some((m) => m === 'PUT' || m === 'PATCH' || m === 'DELETE')) {
    return header('If-Match', 'An ETag from a GET of this object: when the object has changed since, the answer is 412 '
      + '`precondition_failed` and nothing changes.');
  }
  if (methods.includes('GET') && /\/:[^/]+$/.test(url)) {
    return header('If-None-Match', 'An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body.');
  }
  return undefined;
}
