import { Type } from 'typebox';
import { Nullable } from './envelope.ts';

export const Subject = Type.Object({
  type: Type.String({ enum: ['group', 'user'] }),
  id: Type.Union([Type.Number(), Type.String({ maxLength: 100 }), Type.Null()]),
});

export const PermissionObject = Type.Object({
  type: Type.String({ enum: ['folder', 'app', 'screen', 'resource', 'resource_configuration'] }),
  id: Type.String({ maxLength: 100 }),
  appId: Type.Optional(Type.String({ maxLength: 100 })),
});

const AccessLevel = Type.String({ enum: ['own', 'edit', 'use'] });

export const GrantBody = Type.Object({ subject: Subject, object: PermissionObject, access_level: AccessLevel });
export const RevokeBody = Type.Object({ subject: Subject, object: PermissionObject });
export const ListObjectsBody = Type.Object({
  subject: Subject,
  object_type: Type.String({ enum: ['folder', 'app', 'resource', 'resource_configuration'] }),
  include_inherited_access: Type.Optional(Type.Boolean()),
});

export const AccessEntry = Type.Object({ type: Type.String(), id: Type.String(), access_level: Type.String() });

/** Retool answers grant and revoke like listObjects, paging fields included, though its spec lists only `{success, data}`. */
export const AccessListEnvelope = Type.Object({
  success: Type.Boolean(),
  data: Type.Array(AccessEntry),
  total_count: Type.Number(),
  next_token: Nullable(Type.String()),
  has_more: Type.Boolean(),
});

export const AccessListParams = Type.Object({
  objectType: Type.String({ enum: ['folder', 'app', 'resource', 'workflow'] }),
  objectId: Type.String({ maxLength: 100 }),
});

const SubjectAccess = Type.Object({
  subject: Type.Object({ id: Type.String(), type: Type.String() }),
  sources: Type.Object({
    direct: Type.Optional(Type.Boolean()),
    universal: Type.Optional(Type.Boolean()),
    groups: Type.Optional(Type.Array(Type.Object({ id: Type.String(), type: Type.String() }))),
    inherited: Type.Optional(Type.Object({ id: Type.String(), type: Type.String() })),
  }),
  accessLevel: Type.String(),
});

/** Who has access to an object: users by `user_<id>`, groups by id, with where each one's access comes from. */
export const AccessListAnswer = Type.Object({
  success: Type.Boolean(),
  data: Type.Object({ group: Type.Array(SubjectAccess), user: Type.Array(SubjectAccess) }),
});
