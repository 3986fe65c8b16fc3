import { Type } from 'typebox';

const Uuid = (description: string) => Type.String({ format: 'uuid', description });

export const WorkspaceAppsParams = Type.Object({ id: Uuid('The workspace\'s id.') });

export const AppExportParams = Type.Object({
  id: Uuid('The workspace\'s id.'),
  appId: Uuid('The app\'s id.'),
});

export const AppExportQuery = Type.Object({
  appVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Export only the version of this name.' })),
  exportAllVersions: Type.Optional(Type.Boolean({ description: 'Export every version (wins over appVersion).' })),
});

/** appV2 is kept as sent, whatever it holds: its fields are ToolJet's, not this server's. */
const AppV2 = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The app\'s definition: its own fields, components, pages, queries, data sources, events and appVersions.',
});

const ExportedApp = Type.Object({ definition: Type.Object({ appV2: AppV2 }) });

export const AppExportFile = Type.Object({
  app: Type.Array(ExportedApp, { description: 'The exported app (one).' }),
  tooljet_version: Type.String({ description: 'The ToolJet release the file is written for.' }),
});

export const AppImportBody = Type.Object({
  tooljet_version: Type.String({ minLength: 1, maxLength: 100, description: 'The ToolJet release the file was exported from; newer than this server\'s is refused.' }),
  app: Type.Optional(Type.Array(ExportedApp, { minItems: 1, maxItems: 1, description: 'The `app` list of an export file.' })),
  appName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The new app\'s name; alone, it creates an empty app.' })),
});

export const AppImported = Type.Object({ message: Type.String() });

const TooljetAppVersion = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const TooljetAppSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  organizationId: Type.String({ description: 'The workspace\'s id.' }),
  createdAt: Type.String({ format: 'date-time' }),
  versions: Type.Array(TooljetAppVersion, { description: 'Oldest first.' }),
});
