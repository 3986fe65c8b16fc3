import type { Actor } from '../../core/actor.ts';
import { DomainError, invalidInput, notFound } from '../../core/errors.ts';
import type { Folder, FolderType } from '../../core/folder.service.ts';
import type { Services } from '../../core/services.ts';

/** Toolplane's folder types, each with a root folder in Retool's answers. */
export const FOLDER_TYPES: readonly FolderType[] = ['app', 'resource', 'workflow'];

/**
 * A folder id in Retool's form, taken apart: a workspace's root folder of a type (which
 * Toolplane has not as a row: a folder at the top level has no parent), or a folder.
 */
export type ResolvedFolder = { root: true; folderType: FolderType } | { root: false; folder: Folder };

/**
 * Maps Retool's `<type>_<n>` folder ids to Toolplane's folders and back. `n` is the
 * folder's small integer (core RetoolDataService); each workspace's top level of a type is
 * the root folder Retool shows, named `root`, a system folder.
 */
export class FolderIds {
  constructor(private readonly services: Services) {}

  private rootKey(actor: Actor, folderType: FolderType): string {
    return `${actor.workspaceId}:${folderType}`;
  }

  async rootId(actor: Actor, folderType: FolderType): Promise<string> {
    const key = this.rootKey(actor, folderType);
    return `${folderType}_${(await this.services.retool.legacyIds('root_folder', [key])).get(key)}`;
  }

  /** Retool ids of folders, by Toolplane id. */
  async idsOf(folders: readonly Folder[]): Promise<Map<string, string>> {
    const numbers = await this.services.retool.legacyIds('folder', folders.map((folder) => folder.id));
    return new Map(folders.map((folder) => [folder.id, `${folder.folderType}_${numbers.get(folder.id)}`]));
  }

  /**
   * The Retool folder id of each object's folder (Toolplane folder ids, null at the top
   * level), in order: a folder of the workspace's, or the type's root.
   */
  async placesOf(actor: Actor, folderType: FolderType, folderIds: ReadonlyArray<string | null>): Promise<string[]> {
    const folders = await Promise.all([...new Set(folderIds.filter((id): id is string => id !== null))].map((id) => this.services.folders.get(actor, id)));
    const [retoolIds, root] = await Promise.all([this.idsOf(folders), this.rootId(actor, folderType)]);
    return folderIds.map((id) => (id === null ? root : retoolIds.get(id)!));
  }

  /** The folder a Retool id names in the actor's workspace; 404 when it names none. */
  async resolve(actor: Actor, id: string): Promise<ResolvedFolder> {
    const match = /^(app|resource|workflow)_(\d{1,15})$/.exec(id);
    const found = match ? await this.services.retool.byLegacyId(['folder', 'root_folder'], Number(match[2])) : undefined;
    if (!match || !found) throw notFound('folder', id);
    const folderType = match[1] as FolderType;
    if (found.kind === 'root_folder') {
      if (found.localId !== this.rootKey(actor, folderType)) throw notFound('folder', id);
      return { root: true, folderType };
    }
    const folder = await this.services.folders.get(actor, found.localId);
    if (folder.folderType !== folderType) throw notFound('folder', id);
    return { root: false, folder };
  }

  /** As `resolve`, for a folder a body names: one that names none is a 400 on `field`, not a 404. */
  async resolveIn(actor: Actor, id: string, field: string): Promise<ResolvedFolder> {
    try {
      return await this.resolve(actor, id);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw invalidInput(field, `no folder with id ${id} in this workspace`);
      throw error;
    }
  }

  /** The Toolplane parent a Retool parent id names for a folder of `folderType` (null: the top level); a 400 on `field` otherwise. */
  async parentOf(actor: Actor, id: string | null | undefined, folderType: FolderType, field: string): Promise<string | null> {
    if (id === null || id === undefined) return null;
    const resolved = await this.resolveIn(actor, id, field);
    const type = resolved.root ? resolved.folderType : resolved.folder.folderType;
    if (type !== folderType) throw invalidInput(field, `must be a ${folderType} folder`);
    return resolved.root ? null : resolved.folder.id;
  }
}

/** Retool's folder objects: each type's root first, then its folders, oldest first. */
export async function presentFolders(services: Services, ids: FolderIds, actor: Actor, folders: readonly Folder[], types = FOLDER_TYPES) {
  const [retoolIds, createdAt] = await Promise.all([ids.idsOf(folders), services.retool.workspaceCreatedAt(actor)]);
  const roots = new Map<FolderType, string>();
  for (const folderType of types) roots.set(folderType, await ids.rootId(actor, folderType));
  const present = (folder: Folder) => ({
    id: retoolIds.get(folder.id)!,
    legacy_id: retoolIds.get(folder.id)!,
    name: folder.name,
    parent_folder_id: folder.parentFolderId === null ? roots.get(folder.folderType)! : retoolIds.get(folder.parentFolderId)!,
    is_system_folder: false,
    folder_type: folder.folderType,
    updated_at: folder.updatedAt,
    created_at: folder.createdAt,
  });
  return types.flatMap((folderType) => [
    rootFolder(roots.get(folderType)!, folderType, createdAt),
    ...folders.filter((folder) => folder.folderType === folderType).map(present),
  ]);
}

export function rootFolder(id: string, folderType: FolderType, createdAt: string) {
  return {
    id, legacy_id: id, name: 'root', parent_folder_id: null, is_system_folder: true, folder_type: folderType, updated_at: createdAt, created_at: createdAt,
  };
}

/** One folder as Retool answers it; its parent is a folder of the same workspace or its type's root. */
export async function presentFolder(services: Services, ids: FolderIds, actor: Actor, folder: Folder) {
  const parent = folder.parentFolderId === null ? [] : [await services.folders.get(actor, folder.parentFolderId)];
  const retoolIds = await ids.idsOf([folder, ...parent]);
  const id = retoolIds.get(folder.id)!;
  return {
    id,
    legacy_id: id,
    name: folder.name,
    parent_folder_id: folder.parentFolderId === null ? await ids.rootId(actor, folder.folderType) : retoolIds.get(folder.parentFolderId)!,
    is_system_folder: false,
    folder_type: folder.folderType,
    updated_at: folder.updatedAt,
    created_at: folder.createdAt,
  };
}
