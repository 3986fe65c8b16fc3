import type { FolderNode, Tree } from './app-tree.ts';

/** An entry of the tree as it is shown now: folders whose parent is collapsed are left out. */
export interface VisibleEntry {
  /** `folder:<id>` or `app:<id>`: unique across both kinds. */
  key: string;
  kind: 'folder' | 'app';
  id: string;
  /** The folder's or app's name, as type-ahead matches it. */
  name: string;
  /** 1 at the top level, as `aria-level` counts. */
  level: number;
  parentKey?: string;
  /** Whether it is a folder with something in it (only those can open and close). */
  expandable: boolean;
  expanded: boolean;
}

export const entryKey = (kind: 'folder' | 'app', id: string) => `${kind}:${id}`;

/** The entries in the order they are shown (each folder followed by its contents when open). */
export function visibleEntries(tree: Tree, collapsed: ReadonlySet<string>): VisibleEntry[] {
  const out: VisibleEntry[] = [];
  const walk = (level: Pick<FolderNode, 'folders' | 'apps'>, depth: number, parentKey?: string) => {
    for (const node of level.folders) {
      const key = entryKey('folder', node.folder.id);
      const expandable = node.folders.length + node.apps.length > 0;
      const expanded = expandable && !collapsed.has(key);
      out.push({ key, kind: 'folder', id: node.folder.id, name: node.folder.name, level: depth, parentKey, expandable, expanded });
      if (expanded) walk(node, depth + 1, key);
    }
    for (const app of level.apps) out.push({ key: entryKey('app', app.id), kind: 'app', id: app.id, name: app.name, level: depth, parentKey, expandable: false, expanded: false });
  };
  walk(tree, 1);
  return out;
}

/** What a key pressed on an entry of the tree asks for; null when the key means nothing there. */
export type TreeKeyAction = { focus: string } | { expand: string } | { collapse: string } | { openApp: string } | null;

/**
 * The WAI-ARIA tree view keys: ArrowUp/ArrowDown the previous/next shown entry, Home/End the
 * first/last, ArrowRight opens a closed folder or enters an open one, ArrowLeft closes an open
 * folder or goes to the parent, Enter opens an app or opens/closes a folder.
 */
export function treeKeyAction(entries: readonly VisibleEntry[], currentKey: string, key: string): TreeKeyAction {
  const index = entries.findIndex((entry) => entry.key === currentKey);
  if (index < 0) return null;
  const current = entries[index]!;
  const focusAt = (at: number) => (at >= 0 && at < entries.length && at !== index ? { focus: entries[at]!.key } : null);
  switch (key) {
    case 'ArrowDown': return focusAt(index + 1);
    case 'ArrowUp': return focusAt(index - 1);
    case 'Home': return focusAt(0);
    case 'End': return focusAt(entries.length - 1);
    case 'ArrowRight':
      if (!current.expandable) return null;
      return current.expanded ? focusAt(index + 1) : { expand: current.key };
    case 'ArrowLeft':
      if (current.expanded) return { collapse: current.key };
      return current.parentKey ? { focus: current.parentKey } : null;
    case 'Enter':
      if (current.kind === 'app') return { openApp: current.id };
      if (!current.expandable) return null;
      return current.expanded ? { collapse: current.key } : { expand: current.key };
    default: return null;
  }
}
