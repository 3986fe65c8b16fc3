import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

export const App = Type.Object(
  {
    id: Type.String({ description: 'The unique identifier for the app.' }),
    name: Type.String({ description: 'The name of the application.' }),
    description: Type.String({ description: 'A description of the application\'s purpose.' }),
    folderId: Type.Optional(Type.String({ description: 'The identifier of the folder containing this app; absent at the top level.' })),
    createdBy: Type.String({ description: 'The email of the user who created the app.' }),
    createdAt: Timestamp('Timestamp when the app was created.'),
    updatedAt: Timestamp('Timestamp when the app was last updated.'),
    resources: Type.Array(Type.String(), { description: 'Resource identifiers used by this app.' }),
  },
  { description: 'An application.' },
);

const AppName = (description: string) => Type.String({ minLength: 1, maxLength: 255, description });
const Description = (description: string) => Type.String({ maxLength: 10_000, description });
/** The most resources one app may list. */
export const MAX_APP_RESOURCES = 1000;
const ResourceIds = Type.Array(Uuid('A resource identifier.'), {
  maxItems: MAX_APP_RESOURCES,
  description: 'Resource identifiers the app uses; replaces the whole list when given.',
});

export const AppCreateBody = Type.Object(
  {
    name: AppName('The name of the new application.'),
    description: Type.Optional(Description('A description of the application\'s purpose.')),
    folderId: Type.Optional(Uuid('The app folder to place the app in.')),
    resources: Type.Optional(ResourceIds),
  },
  { description: 'Request body for creating a new app.' },
);

export const AppUpdateBody = Type.Object(
  {
    name: Type.Optional(AppName('Updated name for the application.')),
    description: Type.Optional(Description('Updated description for the application.')),
    folderId: Type.Optional(Type.Union([Uuid('Move the app to a different app folder.'), Type.Null()], {
      description: 'Move the app to a different app folder; null moves it to the top level.',
    })),
    resources: Type.Optional(ResourceIds),
  },
  { description: 'Request body for updating an app\'s metadata; fields left out keep their value.' },
);

/** A plain string, as the seed spec declares it: an id of any shape is looked up, and one naming no app is a 404. */
export const AppIdParams = Type.Object({
  appId: Type.String({ description: 'The unique identifier of the app; an id naming no app of the workspace is a 404 `app_not_found`.' }),
});
