import { Type } from 'typebox';
import { Envelope, ListEnvelope, Nullable } from './envelope.ts';
import { RetoolEnvironment } from './environments.schemas.ts';

/** The resource types Retool's API v2 creates. */
export const CREATABLE_TYPES = ['dbServer', 'mysql', 'postgresql', 'redshift', 'restapi', 'snowflake'];

export const RetoolResource = Type.Object({
  id: Type.String(),
  type: Type.String(),
  display_name: Type.String(),
  protected: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const ResourceEnvelope = Envelope(RetoolResource);
export const ResourceListEnvelope = ListEnvelope(RetoolResource);
export const ResourceParams = Type.Object({ resourceId: Type.String({ maxLength: 100 }) });

const Options = Type.Record(Type.String(), Type.Unknown());

export const ResourceCreateBody = Type.Object({
  type: Type.String({ enum: CREATABLE_TYPES }),
  display_name: Type.String({ minLength: 1, maxLength: 255 }),
  options: Options,
  folder_id: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});

export const ResourcePatchedFields = Type.Object({
  display_name: Type.String({ minLength: 1, maxLength: 255 }),
  folder_id: Nullable(Type.String({ maxLength: 100 })),
});

export const RetoolResourceConfiguration = Type.Object({
  id: Type.String(),
  resource: RetoolResource,
  environment: RetoolEnvironment,
  options: Options,
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const ConfigurationEnvelope = Envelope(RetoolResourceConfiguration);
export const ConfigurationListEnvelope = ListEnvelope(RetoolResourceConfiguration);
export const ConfigurationParams = Type.Object({ configurationId: Type.String({ maxLength: 100 }) });

export const ConfigurationCreateBody = Type.Object({
  resource_id: Type.String({ maxLength: 100 }),
  environment_id: Type.String({ maxLength: 100 }),
  options: Options,
});

export const ConfigurationPatchedFields = Type.Object({ options: Options });

export const ConfigurationsQuery = Type.Object({
  resource_id: Type.Optional(Type.String({ maxLength: 100 })),
  environment_id: Type.Optional(Type.String({ maxLength: 100 })),
});
