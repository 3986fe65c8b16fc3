import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

export const AppVersion = Type.Object(
  {
    id: Type.String({ description: 'The unique identifier of the version.' }),
    name: Type.String({ description: 'The name of the version, such as `v1`.' }),
    createdAt: Timestamp('Timestamp when the version was created.'),
  },
  { description: 'A version of an app, without its definition.' },
);

export const AppVersionList = Type.Object(
  { data: Type.Array(AppVersion, { description: 'The app\'s versions, oldest first.' }) },
  { description: 'List of an app\'s versions.' },
);

export const AppExportQuery = Type.Object({
  appVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Export only the version of this name; without it (and without allVersions) the newest.' })),
  allVersions: Type.Optional(Type.Boolean({ description: 'Export every version (wins over appVersion).' })),
});

/** The definition is kept as written: its fields are ToolJet's, not this server's. */
const AppV2 = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The app\'s definition as ToolJet writes it: its own fields, components, pages, queries, data sources, events and appVersions.',
});

const ExportedApp = Type.Object(
  { definition: Type.Object({ appV2: AppV2 }, { description: 'The app\'s definition.' }) },
  { description: 'One exported app.' },
);

export const AppExportFile = Type.Object(
  {
    app: Type.Array(ExportedApp, { description: 'The exported app (one).' }),
    tooljet_version: Type.String({ description: 'The ToolJet release the file is written for.' }),
  },
  { description: 'A ToolJet export file of one app; ToolJet imports it, and so does `POST /apps/import`.' },
);

export const AppImportBody = Type.Object(
  {
    tooljet_version: Type.String({ minLength: 1, maxLength: 100, description: 'The ToolJet release the file was exported from; newer than this server\'s is refused.' }),
    app: Type.Array(ExportedApp, { minItems: 1, maxItems: 1, description: 'The `app` list of the export file.' }),
    appName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The new app\'s name; defaults to the name in the file.' })),
    folderId: Type.Optional(Uuid('The app folder to put the new app in; the top level without it.')),
  },
  { description: 'A ToolJet export file as it was downloaded, optionally with a name for the new app.' },
);
