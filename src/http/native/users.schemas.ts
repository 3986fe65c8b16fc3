import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

export const GroupRef = Type.Object(
  {
    id: Type.Integer({ description: 'The numeric group identifier.' }),
    name: Type.String({ description: 'The group name.' }),
  },
  { description: 'A reference to a group.' },
);

export const UserType = Type.Enum(['default', 'endUser'], {
  description: 'The user type: default users have standard access; endUser accounts have limited access to embedded applications.',
});

export const User = Type.Object(
  {
    id: Uuid('The unique identifier for the user.'),
    email: Type.String({ format: 'email', description: 'The user\'s email address (unique, whatever its case).' }),
    firstName: Type.String({ description: 'The user\'s first name.' }),
    lastName: Type.String({ description: 'The user\'s last name.' }),
    isAdmin: Type.Boolean({ description: 'Whether the user is an admin of the workspace.' }),
    isDisabled: Type.Boolean({ description: 'Whether the user\'s membership of the workspace is disabled (archived).' }),
    userType: UserType,
    groups: Type.Array(GroupRef, { description: 'Groups of this workspace the user is a member of.' }),
    createdAt: Timestamp('Timestamp when the user account was created.'),
    updatedAt: Timestamp('Timestamp when the user account was last updated.'),
  },
  { description: 'A user, as a member of the request\'s workspace.' },
);

const Name = (description: string) => Type.String({ maxLength: 255, description });

export const UserCreateBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320, description: 'The email address for the new user (must be unique).' }),
    firstName: Type.Optional(Name('The user\'s first name.')),
    lastName: Type.Optional(Name('The user\'s last name.')),
    isAdmin: Type.Optional(Type.Boolean({ default: false, description: 'Whether the user should be an admin.' })),
    userType: Type.Optional(Type.Enum(['default', 'endUser'], {
      default: 'default',
      description: 'The user type (default or endUser).',
    })),
  },
  { description: 'Request body for creating a new user.' },
);

export const UserUpdateBody = Type.Object(
  {
    firstName: Type.Optional(Name('The user\'s first name.')),
    lastName: Type.Optional(Name('The user\'s last name.')),
    isAdmin: Type.Optional(Type.Boolean({ description: 'Whether the user should be an admin.' })),
    isDisabled: Type.Optional(Type.Boolean({ description: 'Whether to disable the user\'s membership.' })),
    userType: Type.Optional(Type.Enum(['default', 'endUser'], {
      description: 'Change the user type (default or endUser).',
    })),
  },
  { description: 'Request body for updating a user; fields left out keep their value.' },
);

export const UserIdParams = Type.Object({ userId: Uuid('The unique UUID identifier of the user.') });
