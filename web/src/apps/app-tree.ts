/** The parts of a folder and an app the tree needs. */
export interface TreeFolder {
  id: string;
  name: string;
  parentFolderId?: string;
}

export interface TreeApp {
  id: string;
  name: string;
  folderId?: string;
}

export interface FolderNode {
  folder: TreeFolder;
  folders: FolderNode[];
  apps: TreeApp[];
}

/** The top level of the tree: folders and apps without a parent, each level sorted by name. */
export interface Tree {
  folders: FolderNode[];
  apps: TreeApp[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.name.localeCompare(b.name);

/**
 * Folders and apps as one tree. Something whose parent is not in the list (deleted meanwhile,
 * or not readable) is shown at the top level rather than lost.
 */
export function buildTree(folders: readonly TreeFolder[], apps: readonly TreeApp[]): Tree {
  const nodes = new Map(folders.map((folder) => [folder.id, { folder, folders: [], apps: [] } as FolderNode]));
  const top: Tree = { folders: [], apps: [] };
  for (const node of nodes.values()) {
    const parent = node.folder.parentFolderId ? nodes.get(node.folder.parentFolderId) : undefined;
    (parent ? parent.folders : top.folders).push(node);
  }
  for (const app of apps) {
    const parent = app.folderId ? nodes.get(app.folderId) : undefined;
    (parent ? parent.apps : top.apps).push(app);
  }
  const sort = (level: { folders: FolderNode[]; apps: TreeApp[] }) => {
    level.folders.sort((a, b) => byName(a.folder, b.folder));
    level.apps.sort(byName);
    level.folders.forEach(sort);
  };
  sort(top);
  return top;
}

/** What is being moved: a folder or an app, with its current parent (undefined at the top level). */
export interface MoveItem {
  kind: 'folder' | 'app';
  id: string;
  parentId?: string;
}

/** A place something can be moved to: a folder, or the top level (id null), with its path for reading. */
export interface Destination {
  id: string | null;
  label: string;
}

/** Ids of the folder and every folder below it. */
export function folderAndDescendants(folders: readonly TreeFolder[], folderId: string): Set<string> {
  const found = new Set([folderId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const folder of folders) {
      if (folder.parentFolderId && found.has(folder.parentFolderId) && !found.has(folder.id)) {
        found.add(folder.id);
        grew = true;
      }
    }
  }
  return found;
}

/** A folder's path from the top (`Sales / Reports`); a cycle or an unknown parent ends it. */
export function folderPath(folders: readonly TreeFolder[], folderId: string): string {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(folderId); at && !seen.has(at.id); at = at.parentFolderId ? byId.get(at.parentFolderId) : undefined) {
    seen.add(at.id);
    names.unshift(at.name);
  }
  return names.join(' / ');
}

/**
 * Where an item may go: the top level and every folder, except where it already is and, for
 * a folder, itself and its subfolders (the server refuses a cycle too). Sorted by path.
 */
export function destinationsFor(item: MoveItem, folders: readonly TreeFolder[]): Destination[] {
  const excluded = item.kind === 'folder' ? folderAndDescendants(folders, item.id) : new Set<string>();
  const options: Destination[] = folders
    .filter((folder) => !excluded.has(folder.id) && folder.id !== item.parentId)
    .map((folder) => ({ id: folder.id, label: folderPath(folders, folder.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return item.parentId ? [{ id: null, label: 'Top level' }, ...options] : options;
}

/** Whether dropping the item on the destination (a folder id, or null for the top level) moves it anywhere allowed. */
export function canDrop(item: MoveItem, destination: string | null, folders: readonly TreeFolder[]): boolean {
  if ((item.parentId ?? null) === destination) return false;
  return destination === null || !(item.kind === 'folder' && folderAndDescendants(folders, item.id).has(destination));
}
