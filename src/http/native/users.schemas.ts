import { Type } from 'typebox';
import { BulkAnswer, MAX_BULK_ITEMS, OneOrMany } from './bulk-body.ts';
import { PageQuery, Timestamp, Uuid } from './common.schemas.ts';
import { AttributeName } from './user-attributes.schemas.ts';

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

const AttributeValues = (description: string) => Type.Record(Type.String(), Type.Unknown(), { description });

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
    attributes: AttributeValues('The user\'s attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one.'),
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
    attributes: Type.Optional(AttributeValues('Attribute values by name; each attribute must be defined in the workspace and the value of its dataType (400 naming `attributes.<name>`).')),
  },
  { description: 'Request body for creating a new user.' },
);

export const UserCreateBodies = OneOrMany(UserCreateBody, {
  union: 'One user to add, or an array of them to add each on its own.',
  array: `1 to ${MAX_BULK_ITEMS} users to add; each is created in its own transaction and answered on its own (207), so a bad item refuses only itself.`,
});

export const UserBulkAnswer = BulkAnswer(
  { user: Type.Optional({ ...User, description: 'The user as created, when status is 201.' }) },
  'The outcome of each user of a bulk create, in request order.',
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
    attributes: Type.Optional(AttributeValues('Attribute values to set by name, checked as on create; null removes a value; attributes left out keep theirs.')),
  },
  { description: 'Request body for updating a user; fields left out keep their value.' },
);

export const UserIdParams = Type.Object({ userId: Uuid('The unique UUID identifier of the user.') });

export const UserAttributeParams = Type.Object({
  userId: Uuid('The unique UUID identifier of the user.'),
  attributeName: AttributeName('The name of a user attribute defined in the workspace.'),
});

export const UserAttributeValueBody = Type.Object(
  { value: Type.Unknown({ description: 'The value, of the attribute\'s dataType; null removes the user\'s value.' }) },
  { description: 'Request body for setting one attribute value of a user.' },
);

export const UserListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({
    maxLength: 320,
    description: 'Only users whose email, first name, last name or full name ("first last") starts with this text, whatever its case. Spaces around it are ignored; an empty text matches everyone.',
  })),
  role: Type.Optional(Type.Enum(['admin', 'builder', 'end-user'], {
    description: 'Only users of this role: admin (isAdmin), builder (neither admin nor endUser), or end-user (userType endUser).',
  })),
  status: Type.Optional(Type.Enum(['active', 'disabled'], { description: 'Only enabled (active) or only disabled users (isDisabled).' })),
  groupId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only members of this group of the workspace (400 naming `groupId` when the workspace has no such group).' })),
});
