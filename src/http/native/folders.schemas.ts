import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

const FolderType = (description: string) => Type.Enum(['app', 'resource', 'workflow'], { description });

export const Folder = Type.Object(
  {
    id: Type.String({ description: 'The unique identifier for the folder.' }),
    name: Type.String({ description: 'The name of the folder.' }),
    folderType: FolderType('The type of content this folder organizes.'),
    parentFolderId: Type.Optional(Type.String({ description: 'The identifier of the parent folder, if nested.' })),
    createdAt: Timestamp('Timestamp when the folder was created.'),
    updatedAt: Timestamp('Timestamp when the folder was last renamed or moved.'),
  },
  { description: 'A folder organizing apps, resources, or workflows.' },
);

export const FolderList = Type.Object(
  { data: Type.Array(Folder, { description: 'Array of folder objects.' }) },
  { description: 'List of folders.' },
);

const FolderName = (description: string) => Type.String({ minLength: 1, maxLength: 255, description });

export const FolderCreateBody = Type.Object(
  {
    name: FolderName('The name of the new folder, unique among its siblings.'),
    folderType: FolderType('The type of content this folder will organize.'),
    parentFolderId: Type.Optional(Uuid('Place the folder inside another folder of the same type.')),
  },
  { description: 'Request body for creating a new folder.' },
);

export const FolderUpdateBody = Type.Object(
  {
    name: Type.Optional(FolderName('The new name of the folder.')),
    parentFolderId: Type.Optional(Type.Union([Uuid('Move into this folder of the same type.'), Type.Null()], {
      description: 'Move into this folder of the same type; null moves the folder to the top level.',
    })),
  },
  { description: 'Request body for renaming or moving a folder; fields left out keep their value.' },
);

export const FolderQuery = Type.Object({
  folderType: Type.Optional(FolderType('Filter folders by type (app, resource, workflow).')),
});

export const FolderIdParams = Type.Object({ folderId: Uuid('The unique identifier of the folder.') });
