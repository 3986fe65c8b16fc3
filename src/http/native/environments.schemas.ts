import { Type } from 'typebox';
import { ENVIRONMENT_DESCRIPTION_MAX_LENGTH, ENVIRONMENT_NAME_MAX_LENGTH } from '../../core/environment.service.ts';
import { Timestamp, Uuid } from './common.schemas.ts';

const COLOR_PATTERN = '^#[0-9A-Fa-f]{6}$';

export const Environment = Type.Object(
  {
    id: Uuid('The unique identifier of the environment.'),
    name: Type.String({ description: 'The name of the environment, unique in the workspace.' }),
    description: Type.String({ description: 'A description of the environment; empty when none was given.' }),
    color: Type.Union([Type.String({ pattern: COLOR_PATTERN }), Type.Null()], {
      description: 'The colour the environment is shown in, as `#rrggbb` in lower case; null when none was chosen.',
    }),
    isDefault: Type.Boolean({ description: 'Whether this is the workspace\'s default environment. Exactly one environment is.' }),
    createdAt: Timestamp('Timestamp when the environment was created.'),
    updatedAt: Timestamp('Timestamp when the environment was last updated.'),
  },
  { description: 'A deployment environment of the workspace (development, staging, production, ...).' },
);

export const EnvironmentList = Type.Object(
  { data: Type.Array(Environment, { description: 'The workspace\'s environments, oldest first.' }) },
  { description: 'List of environments.' },
);

const Name = (description: string) => Type.String({ minLength: 1, maxLength: ENVIRONMENT_NAME_MAX_LENGTH, description });
const Description = (description: string) => Type.String({ maxLength: ENVIRONMENT_DESCRIPTION_MAX_LENGTH, description });
const Color = (description: string) => Type.Union([Type.String({ pattern: COLOR_PATTERN }), Type.Null()], { description });

export const EnvironmentCreateBody = Type.Object(
  {
    name: Name('The name of the environment, unique in the workspace; no surrounding spaces.'),
    description: Type.Optional(Description('A description of the environment.')),
    color: Type.Optional(Color('The colour to show the environment in, as `#rrggbb` (such as `#3b82f6`); null or left out for none.')),
    isDefault: Type.Optional(Type.Boolean({
      description: 'Make the new environment the default in place of the current one. The first environment of a workspace is the default anyway.',
    })),
  },
  { description: 'Request body for creating an environment.' },
);

export const EnvironmentUpdateBody = Type.Object(
  {
    name: Type.Optional(Name('A new name, unique in the workspace.')),
    description: Type.Optional(Description('A new description.')),
    color: Type.Optional(Color('A new colour as `#rrggbb`; null removes it.')),
    isDefault: Type.Optional(Type.Boolean({
      description: 'true makes this the default environment in place of the current one. false is refused on the default itself (make another one the default instead).',
    })),
  },
  { description: 'Request body for updating an environment; fields left out keep their value.' },
);

export const EnvironmentIdParams = Type.Object({ environmentId: Uuid('The unique identifier of the environment.') });
