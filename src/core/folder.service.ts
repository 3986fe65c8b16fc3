import { randomUUID } from 'node:crypto';
import { toIso } from '../db/rows.ts';
import type { FolderRow } from '../db/schema.ts';
import type { RowLock } from '../db/executor.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { changedFields, recordAudit } from './audit.ts';
import { type DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { writeUnique } from './unique.ts';
import { grantCreatorOwnership } from './creator-grants.ts';

export type FolderType = FolderRow['folder_type'];

export interface Folder {
  id: string;
  name: string;
  folderType: FolderType;
  parentFolderId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FolderCreateInput {
  name: string;
  folderType: FolderType;
  parentFolderId?: string | null;
}

export interface FolderUpdateInput {
  name?: string;
  /** null moves the folder to the top level. */
  parentFolderId?: string | null;
}

/** Guards against a corrupt parent chain looping forever; real trees are far shallower. */
const MAX_DEPTH = 1000;

export class FolderService {
  constructor(private readonly store: Store) {}

  list(actor: Actor, folderType?: FolderType): Promise<Folder[]> {
    return this.store.read(async (repos) => (await repos.folders.list(actor.workspaceId, folderType)).map(toFolder));
  }

  get(actor: Actor, folderId: string): Promise<Folder> {
    return this.store.read(async (repos) => toFolder(await loadFolder(repos, actor.workspaceId, folderId)));
  }

  /** A folder nests only in a folder of its own type, and names are unique among siblings. */
  create(actor: Actor, input: FolderCreateInput): Promise<Folder> {
    return writeUnique(this.store, async (repos) => {
      const parentId = input.parentFolderId ?? null;
      if (parentId) await requireFolder(repos, actor.workspaceId, parentId, input.folderType, 'parentFolderId');
      const at = new Date().toISOString();
      const id = randomUUID();
      await repos.folders.create({
        id, workspace_id: actor.workspaceId, name: input.name, folder_type: input.folderType,
        parent_id: parentId, created_at: at, updated_at: at,
      });
      await grantCreatorOwnership(repos, actor, { type: 'folder', id }, at);
      await recordAudit(repos, {
        action: 'folder.created', target: { type: 'folder', id }, workspaceId: actor.workspaceId,
        changes: { name: input.name, folderType: input.folderType, parentFolderId: parentId },
      });
      return toFolder(await loadFolder(repos, actor.workspaceId, id));
    }, () => nameTaken(input.name));
  }

  /**
   * Renames or moves a folder; a move under itself or one of its descendants is refused.
   * Giving the current name and parent changes nothing and records nothing.
   * Moves hold the workspace lock, so two crossing moves cannot together make a cycle.
   */
  update(actor: Actor, folderId: string, input: FolderUpdateInput): Promise<Folder> {
    return writeUnique(this.store, async (repos) => {
      const moving = input.parentFolderId !== undefined;
      if (moving) await repos.workspaces.lock(actor.workspaceId);
      const folder = await loadFolder(repos, actor.workspaceId, folderId, 'update');
      const parentId = moving ? (input.parentFolderId ?? null) : folder.parent_id;
      const name = input.name ?? folder.name;
      if (parentId !== folder.parent_id && parentId !== null) {
        await requireFolder(repos, actor.workspaceId, parentId, folder.folder_type, 'parentFolderId');
        await requireNoCycle(repos, actor.workspaceId, folderId, parentId);
      }
      if (name !== folder.name || parentId !== folder.parent_id) {
        await repos.folders.update(folderId, { name, parent_id: parentId, updated_at: new Date().toISOString() });
        await recordAudit(repos, {
          action: 'folder.updated', target: { type: 'folder', id: folderId }, workspaceId: actor.workspaceId,
          changes: changedFields({ name: folder.name, parentFolderId: folder.parent_id }, { name, parentFolderId: parentId }),
        });
      }
      return toFolder(await loadFolder(repos, actor.workspaceId, folderId));
    }, () => nameTaken(input.name ?? ''));
  }

  /**
   * Only an empty folder (no subfolders, apps or resources) can be deleted. The folder is
   * locked first, so anything being put into it concurrently either lands before the
   * emptiness check (409) or finds the folder gone (400).
   */
  delete(actor: Actor, folderId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await loadFolder(repos, actor.workspaceId, folderId, 'update');
      if (await repos.folders.hasContents(folderId)) {
        throw conflict('folder_not_empty', `Folder ${folderId} is not empty; move or delete its contents first`);
      }
      await repos.folders.delete(folderId);
      await recordAudit(repos, { action: 'folder.deleted', target: { type: 'folder', id: folderId }, workspaceId: actor.workspaceId });
    });
  }
}

/**
 * Checks that `folderId` names a folder of this workspace with the expected type, for any
 * entity that points at a folder (a subfolder, an app, a resource). `field` names the input.
 */
export async function requireFolder(
  repos: Repositories,
  workspaceId: string,
  folderId: string,
  folderType: FolderType,
  field: string,
): Promise<FolderRow> {
  // A share lock keeps the folder from being deleted before this transaction commits.
  const folder = await repos.folders.get(workspaceId, folderId, 'share');
  if (!folder) throw invalidInput(field, `no folder with id ${folderId} in this workspace`, 'invalid_reference');
  if (folder.folder_type !== folderType) {
    throw invalidInput(field, `folder ${folderId} holds ${folder.folder_type}s, not ${folderType}s`, 'folder_type_mismatch');
  }
  return folder;
}

async function requireNoCycle(repos: Repositories, workspaceId: string, folderId: string, newParentId: string) {
  let cursor: string | null = newParentId;
  for (let depth = 0; cursor !== null && depth < MAX_DEPTH; depth += 1) {
    if (cursor === folderId) {
      throw invalidInput('parentFolderId', 'a folder cannot be moved inside itself or its subfolders', 'folder_cycle');
    }
    cursor = (await repos.folders.get(workspaceId, cursor))?.parent_id ?? null;
  }
}

function nameTaken(name: string): DomainError {
  return conflict('folder_name_taken', `A folder named "${name}" already exists there`, 'name');
}

async function loadFolder(repos: Repositories, workspaceId: string, folderId: string, lock?: RowLock): Promise<FolderRow> {
  const row = await repos.folders.get(workspaceId, folderId, lock);
  if (!row) throw notFound('folder', folderId);
  return row;
}

function toFolder(row: FolderRow): Folder {
  return {
    id: row.id,
    name: row.name,
    folderType: row.folder_type,
    parentFolderId: row.parent_id,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
