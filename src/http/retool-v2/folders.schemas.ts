import { Type } from 'typebox';
import { Envelope, ListEnvelope, Nullable } from './envelope.ts';

export const RetoolFolder = Type.Object({
  id: Type.String(),
  legacy_id: Type.String(),
  name: Type.String(),
  parent_folder_id: Nullable(Type.String()),
  is_system_folder: Type.Boolean(),
  folder_type: Type.String(),
  updated_at: Type.String(),
  created_at: Type.String(),
});

export const FolderEnvelope = Envelope(RetoolFolder);
export const FolderListEnvelope = ListEnvelope(RetoolFolder);

export const FolderParams = Type.Object({ folderId: Type.String({ maxLength: 100 }) });

/** Retool's folder ids: `<type>_<n>`. */
export const FOLDER_ID_PATTERN = '^(app|workflow|resource|agent|library)_([0-9]\\d*)$';

export const FolderCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  folder_type: Type.String({ enum: ['app', 'workflow', 'resource', 'agent', 'library'] }),
  parent_folder_id: Type.Optional(Nullable(Type.String({ pattern: FOLDER_ID_PATTERN }))),
});

export const FolderPatchedFields = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  parent_folder_id: Nullable(Type.String({ pattern: FOLDER_ID_PATTERN })),
});
