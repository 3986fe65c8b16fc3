import { Type } from 'typebox';
import { MAX_DOMAINS } from '../../core/workspace-domains.ts';
import { PageOf, PageQuery, Timestamp, Uuid } from './common.schemas.ts';

const TWO_FACTOR_REQUIRED = 'Whether a signed-in person acts here only with two-factor sign-in on: a session of anyone without it gets '
  + '403 `two_factor_required` on every route but their own account\'s (`/me`), where they can turn it on. Tokens are not affected.';

const SCIM_DEFAULT_ROLE = 'The role people provisioned into the workspace by SCIM get: `admin`, `builder` or `end-user` (the default).';
const ScimDefaultRole = () => Type.Enum(['admin', 'builder', 'end-user'], { description: SCIM_DEFAULT_ROLE });

export const Workspace = Type.Object(
  {
    id: Uuid('The workspace\'s identifier.'),
    name: Type.String({ description: 'The workspace\'s name, unique in the instance.' }),
    status: Type.Enum(['active', 'archived'], { description: 'Whether the workspace is in use.' }),
    domains: Type.Array(Type.String(), {
      description: 'Email domains of the workspace\'s own people (lower case). Invitees from any other domain are external and join as end-user.',
    }),
    twoFactorRequired: Type.Boolean({ description: TWO_FACTOR_REQUIRED }),
    scimDefaultRole: ScimDefaultRole(),
    createdAt: Timestamp('When the workspace was created.'),
    updatedAt: Timestamp('When the workspace last changed.'),
  },
  { description: 'A workspace\'s settings.' },
);

const WorkspaceStatus = (description: string) => Type.Enum(['active', 'archived'], { description });

const WorkspaceName = (description: string) => Type.String({ minLength: 1, maxLength: 255, pattern: '\\S', description });

const WorkspaceDomains = (description: string) => Type.Array(Type.String({ maxLength: 253 }), { maxItems: MAX_DOMAINS, description });

export const WorkspaceList = PageOf(Workspace, 'Paginated list of workspaces.');

export const WorkspaceListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(WorkspaceStatus('Only workspaces in this state.')),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Only workspaces whose name contains this text, ignoring case.' })),
});

export const WorkspaceCreateBody = Type.Object(
  {
    name: WorkspaceName('The workspace\'s name, unique in the instance.'),
    domains: Type.Optional(WorkspaceDomains('Email domains of the workspace\'s own people: plain domain names such as `example.com` (lower-cased, duplicates dropped). Default: none, so every invitee is external.')),
  },
  { description: 'A new workspace.' },
);

export const WorkspaceUpdateBody = Type.Object(
  {
    name: Type.Optional(WorkspaceName('A new name, unique in the instance.')),
    domains: Type.Optional(WorkspaceDomains('Replaces the domain list: plain domain names such as `example.com` (lower-cased, duplicates dropped).')),
    status: Type.Optional(WorkspaceStatus(
      '`archived` blocks every token bound to the workspace and every request naming it in X-Workspace-Id (403 `workspace_archived`); '
      + '`active` restores them. Nothing else changes. The default workspace cannot be archived.',
    )),
    twoFactorRequired: Type.Optional(Type.Boolean({ description: TWO_FACTOR_REQUIRED })),
    scimDefaultRole: Type.Optional(ScimDefaultRole()),
  },
  { description: 'Workspace settings to change; fields left out keep their value.' },
);

export const WorkspaceIdParams = Type.Object({ workspaceId: Uuid('The workspace\'s identifier.') });
