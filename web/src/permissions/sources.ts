import type { paths } from '../api/client.ts';

type ObjectAccessList = paths['/permissions/listObjects']['post']['responses'][200]['content']['application/json'];
export type AccessSource = ObjectAccessList['data'][number]['sources'][number];
export type ObjectType = 'app' | 'resource' | 'folder' | 'workflow';
export type AccessLevel = 'use' | 'edit' | 'own';

export const OBJECT_TYPES: readonly ObjectType[] = ['app', 'resource', 'folder', 'workflow'];
export const OBJECT_TYPE_LABELS: Record<ObjectType, string> = { app: 'App', resource: 'Resource', folder: 'Folder', workflow: 'Workflow' };
export const LEVEL_LABELS: Record<AccessLevel, string> = { use: 'Use', edit: 'Edit', own: 'Own' };

/** Names to show for the groups and folders sources refer to by id. */
export interface SourceNames {
  groups: ReadonlyMap<number, string>;
  folders: ReadonlyMap<string, string>;
}

/** Where a level comes from, in words: "Admin role", "Direct grant", "Group Analysts", "Folder Reports". */
export function describeSource(source: AccessSource, names: SourceNames): string {
  switch (source.type) {
    case 'role':
      return 'Admin role';
    case 'direct':
      return 'Direct grant';
    case 'group':
      return `Group ${names.groups.get(source.groupId ?? 0) ?? `#${source.groupId}`}`;
    default: {
      const folder = names.folders.get(source.folderId ?? '');
      const through = source.groupId === undefined ? '' : ` (through group ${names.groups.get(source.groupId) ?? `#${source.groupId}`})`;
      return `Folder ${folder ?? 'not visible here'}${through}`;
    }
  }
}
