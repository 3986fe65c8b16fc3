import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

export const UserRef = Type.Object(
  {
    id: Uuid('The user UUID.'),
    email: Type.String({ format: 'email', description: 'The user\'s email address.' }),
  },
  { description: 'A reference to a user.' },
);

export const Group = Type.Object(
  {
    id: Type.Integer({ description: 'The numeric identifier for the group.' }),
    name: Type.String({ description: 'The name of the group.' }),
    members: Type.Array(UserRef, { description: 'Users who are members of this group.' }),
    createdAt: Timestamp('Timestamp when the group was created.'),
    updatedAt: Timestamp('Timestamp when the group was last updated.'),
  },
  { description: 'A group of users in the workspace.' },
);

export const GroupList = Type.Object(
  { data: Type.Array(Group, { description: 'Array of group objects.' }) },
  { description: 'List of groups.' },
);

const GroupName = Type.String({ minLength: 1, maxLength: 255, description: 'The name of the group, unique in the workspace.' });

export const GroupCreateBody = Type.Object({ name: GroupName }, { description: 'Request body for creating a new group.' });
export const GroupUpdateBody = Type.Object({ name: GroupName }, { description: 'Request body for renaming a group.' });

export const GroupMemberAddBody = Type.Object(
  { userId: Uuid('The UUID of the user to add to the group.') },
  { description: 'Request body for adding a user to a group.' },
);

/** Group ids are 32-bit integers in the database; larger numbers cannot name a group. */
const GroupId = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The numeric identifier of the group.' });

export const GroupIdParams = Type.Object({ groupId: GroupId });
export const GroupMemberParams = Type.Object({
  groupId: GroupId,
  userId: Uuid('The unique UUID identifier of the user.'),
});
