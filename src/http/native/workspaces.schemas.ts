import { Type } from 'typebox';
import { MAX_DOMAINS } from '../../core/workspace-domains.ts';
import { Timestamp, Uuid } from './common.schemas.ts';

export const Workspace = Type.Object(
  {
    id: Uuid('The workspace\'s identifier.'),
    name: Type.String({ description: 'The workspace\'s name, unique in the instance.' }),
    status: Type.Enum(['active', 'archived'], { description: 'Whether the workspace is in use.' }),
    domains: Type.Array(Type.String(), {
      description: 'Email domains of the workspace\'s own people (lower case). Invitees from any other domain are external and join as end-user.',
    }),
    createdAt: Timestamp('When the workspace was created.'),
    updatedAt: Timestamp('When the workspace last changed.'),
  },
  { description: 'A workspace\'s settings.' },
);

export const WorkspaceUpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '\\S', description: 'A new name, unique in the instance.' })),
    domains: Type.Optional(Type.Array(Type.String({ maxLength: 253 }), {
      maxItems: MAX_DOMAINS,
      description: 'Replaces the domain list: plain domain names such as `example.com` (lower-cased, duplicates dropped).',
    })),
  },
  { description: 'Workspace settings to change; fields left out keep their value.' },
);

export const WorkspaceIdParams = Type.Object({ workspaceId: Uuid('The workspace\'s identifier.') });
