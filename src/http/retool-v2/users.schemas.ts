import { Type } from 'typebox';
import { ListEnvelope, Envelope, Nullable } from './envelope.ts';

export const UserType = Type.String({ enum: ['default', 'mobile', 'embed'] });

/** Retool's user: exactly the spec's fields. */
export const RetoolUser = Type.Object({
  id: Type.String(),
  legacy_id: Type.Number(),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  created_at: Type.String(),
  last_active: Nullable(Type.String()),
  email: Type.String(),
  active: Type.Boolean(),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  is_admin: Type.Boolean(),
  two_factor_auth_enabled: Type.Boolean(),
  user_type: Type.String(),
});

export const UserEnvelope = Envelope(RetoolUser);
export const UserListEnvelope = ListEnvelope(RetoolUser);

export const UserParams = Type.Object({ userId: Type.String({ maxLength: 100 }) });

export const UserCreateBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  first_name: Type.String({ minLength: 1, maxLength: 255 }),
  last_name: Type.String({ minLength: 1, maxLength: 255 }),
  active: Type.Optional(Type.Boolean()),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  user_type: Type.Optional(UserType),
});

export const UsersQuery = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 320 })),
  first_name: Type.Optional(Type.String({ maxLength: 255 })),
  last_name: Type.Optional(Type.String({ maxLength: 255 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  next_token: Type.Optional(Type.String({ maxLength: 500 })),
});

export const UserAttributeParams = Type.Object({ userId: Type.String({ maxLength: 100 }), attributeName: Type.String({ maxLength: 255 }) });
export const UserAttributeBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), value: Nullable(Type.String({ maxLength: 65_536 })) });
export const MetadataEnvelope = Envelope(Type.Object({ metadata: Type.Record(Type.String(), Type.Unknown()) }));
