import { Type } from 'typebox';
import { Envelope, ListEnvelope, Nullable } from './envelope.ts';

export const RetoolEnvironment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  color: Type.String(),
  default: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const EnvironmentEnvelope = Envelope(RetoolEnvironment);
export const EnvironmentListEnvelope = ListEnvelope(RetoolEnvironment);

export const EnvironmentParams = Type.Object({ environmentId: Type.String({ maxLength: 100 }) });

const Color = Type.String({ pattern: '^#[A-Fa-f0-9]{6}$' });

export const EnvironmentCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  color: Color,
  default: Type.Optional(Type.Boolean()),
});

export const EnvironmentPatchedFields = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Nullable(Type.String({ maxLength: 1000 })),
  color: Color,
  default: Type.Boolean(),
});
