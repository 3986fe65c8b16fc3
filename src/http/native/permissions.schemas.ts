import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

const ObjectType = (description: string) => Type.Enum(['app', 'resource', 'folder', 'workflow'], { description });
const AccessLevel = (description: string) => Type.Enum(['use', 'edit', 'own'], { description });

/** Group ids are 32-bit integers in the database; larger numbers cannot name a group. */
const GroupId = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The numeric identifier of a group.' });

export const SubjectBody = Type.Object(
  {
    type: Type.Enum(['group', 'user'], { description: 'Whether the subject is a group or a user.' }),
    id: Type.Union([Uuid('A user UUID.'), GroupId], { description: 'A user\'s UUID, or a group\'s integer id.' }),
  },
  { description: 'The group or user the permission is for.' },
);

export const ObjectBody = Type.Object(
  {
    type: ObjectType('The type of object.'),
    id: Uuid('The identifier of the app, resource, folder or workflow.'),
  },
  { description: 'The app, resource, folder or workflow the permission is on. A folder grant flows to everything in it, at any depth.' },
);

const Subject = Type.Object(
  {
    type: Type.Enum(['group', 'user'], { description: 'Whether the subject is a group or a user.' }),
    id: Type.Union([Type.String({ description: 'A user UUID.' }), Type.Integer({ description: 'A group id.' })], {
      description: 'A user\'s UUID, or a group\'s integer id.',
    }),
  },
  { description: 'A group or user.' },
);

const ObjectRef = Type.Object(
  {
    type: ObjectType('The type of object.'),
    id: Type.String({ description: 'The identifier of the object.' }),
  },
  { description: 'An app, resource, folder or workflow.' },
);

export const PermissionGrantBody = Type.Object(
  {
    subject: SubjectBody,
    object: ObjectBody,
    accessLevel: AccessLevel('The level to grant; replaces the level the subject holds on the object. End users can only be granted use.'),
  },
  { description: 'Request body for granting a permission.' },
);

export const PermissionRevokeBody = Type.Object(
  { subject: SubjectBody, object: ObjectBody },
  { description: 'Request body for revoking a permission.' },
);

export const PermissionGrant = Type.Object(
  {
    subject: Subject,
    object: ObjectRef,
    accessLevel: AccessLevel('The level granted.'),
    createdAt: Timestamp('Timestamp when the subject was first granted access to the object.'),
    updatedAt: Timestamp('Timestamp when the level was last set.'),
  },
  { description: 'A permission: one subject\'s access level on one object.' },
);

export const ListObjectsBody = Type.Object(
  {
    subject: SubjectBody,
    objectType: ObjectType('The type of objects to list.'),
    includeInherited: Type.Optional(Type.Boolean({
      default: false,
      description: 'Also count access from the subject\'s role, its groups and grants on enclosing folders; otherwise only its own grants on the objects.',
    })),
  },
  { description: 'Request body for listing the objects a subject can access.' },
);

const AccessSource = Type.Object(
  {
    type: Type.Enum(['direct', 'group', 'folder', 'role'], {
      description: '`direct`: a grant to the subject on the object; `group`: a grant on the object to a group of the user; `folder`: a grant on a folder holding the object; `role`: the admin role.',
    }),
    accessLevel: AccessLevel('The level this source gives; an end user\'s is never above use.'),
    groupId: Type.Optional(Type.Integer({ description: 'The group holding the grant, when the grant reaches the user through a group.' })),
    folderId: Type.Optional(Type.String({ description: 'The folder whose grant flows to the object (for `folder`).' })),
    role: Type.Optional(Type.Enum(['admin'], { description: 'The role giving access (for `role`).' })),
  },
  { description: 'Where a level comes from.' },
);

const Sources = Type.Array(AccessSource, { description: 'Every source of access, highest level first.' });
const EffectiveLevel = AccessLevel('The effective level: the highest among the sources.');

export const ObjectAccessList = Type.Object(
  {
    data: Type.Array(Type.Object(
      {
        type: ObjectType('The type of the object.'),
        id: Type.String({ description: 'The identifier of the object.' }),
        name: Type.String({ description: 'The name of the app, resource, folder or workflow.' }),
        accessLevel: EffectiveLevel,
        sources: Sources,
      },
      { description: 'An object the subject can access.' },
    ), { description: 'The objects the subject can access, oldest first.' }),
    total: Type.Integer({ description: 'The number of objects listed.' }),
  },
  { description: 'The objects of one type a subject can access.' },
);

export const AccessListParams = Type.Object({
  objectType: ObjectType('The type of the object.'),
  objectId: Uuid('The identifier of the app, resource, folder or workflow.'),
});

export const AccessListResponse = Type.Object(
  {
    data: Type.Object(
      {
        users: Type.Array(Type.Object(
          {
            subject: Type.Object(
              {
                type: Type.Enum(['user'], { description: 'Always `user`.' }),
                id: Type.String({ description: 'The user UUID.' }),
                email: Type.String({ description: 'The user\'s email address.' }),
              },
              { description: 'The user.' },
            ),
            accessLevel: EffectiveLevel,
            sources: Sources,
          },
          { description: 'A member with access.' },
        ), { description: 'Members with access, by email.' }),
        groups: Type.Array(Type.Object(
          {
            subject: Type.Object(
              {
                type: Type.Enum(['group'], { description: 'Always `group`.' }),
                id: Type.Integer({ description: 'The group id.' }),
                name: Type.String({ description: 'The group name.' }),
              },
              { description: 'The group.' },
            ),
            accessLevel: EffectiveLevel,
            sources: Sources,
          },
          { description: 'A group with access.' },
        ), { description: 'Groups with access, by id.' }),
      },
      { description: 'Who can access the object.' },
    ),
  },
  { description: 'The access list of an object.' },
);
