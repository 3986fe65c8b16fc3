import { describe, expect, it } from 'vitest';
import { buildTree, canDrop, destinationsFor, folderPath } from '../../web/src/apps/app-tree.ts';
import { exportFileName, readExportFile } from '../../web/src/apps/export-file.ts';

const folders = [
  { id: 'sales', name: 'Sales' },
  { id: 'reports', name: 'Reports', parentFolderId: 'sales' },
  { id: 'deep', name: 'Deep', parentFolderId: 'reports' },
  { id: 'admin', name: 'admin' },
];

describe('the apps tree', () => {
  it('nests folders and apps under their parents, each level by name, and keeps orphans at the top', () => {
    const tree = buildTree(folders, [
      { id: 'a', name: 'Orders' },
      { id: 'b', name: 'pipeline', folderId: 'sales' },
      { id: 'c', name: 'Lost', folderId: 'gone' },
      { id: 'd', name: 'Board', folderId: 'deep' },
    ]);
    expect(tree.folders.map((node) => node.folder.name)).toEqual(['admin', 'Sales']);
    expect(tree.apps.map((app) => app.name)).toEqual(['Lost', 'Orders']);
    const sales = tree.folders[1]!;
    expect(sales.apps.map((app) => app.name)).toEqual(['pipeline']);
    expect(sales.folders[0]!.folders[0]!.apps.map((app) => app.name)).toEqual(['Board']);
  });

  it('names a folder by its path, and stops at a cycle', () => {
    expect(folderPath(folders, 'deep')).toBe('Sales / Reports / Deep');
    expect(folderPath([{ id: 'x', name: 'X', parentFolderId: 'y' }, { id: 'y', name: 'Y', parentFolderId: 'x' }], 'x')).toBe('Y / X');
  });

  it('offers a folder every other place but itself, its subfolders and where it is', () => {
    expect(destinationsFor({ kind: 'folder', id: 'reports', parentId: 'sales' }, folders)).toEqual([
      { id: null, label: 'Top level' },
      { id: 'admin', label: 'admin' },
    ]);
    expect(destinationsFor({ kind: 'app', id: 'a' }, folders).map((destination) => destination.label))
      .toEqual(['admin', 'Sales', 'Sales / Reports', 'Sales / Reports / Deep']);
  });

  it('refuses a drop where the entry already is, or of a folder into itself or below it', () => {
    expect(canDrop({ kind: 'folder', id: 'sales' }, 'deep', folders)).toBe(false);
    expect(canDrop({ kind: 'folder', id: 'sales' }, 'sales', folders)).toBe(false);
    expect(canDrop({ kind: 'folder', id: 'reports', parentId: 'sales' }, 'sales', folders)).toBe(false);
    expect(canDrop({ kind: 'folder', id: 'reports', parentId: 'sales' }, null, folders)).toBe(true);
    expect(canDrop({ kind: 'app', id: 'a' }, null, folders)).toBe(false);
    expect(canDrop({ kind: 'app', id: 'a' }, 'deep', folders)).toBe(true);
  });
});

describe('export files', () => {
  it('reads a ToolJet export file and says why another file is not one', () => {
    const file = { tooljet_version: '3.16.0', app: [{ definition: { appV2: { name: 'Orders' } } }], extra: 1 };
    expect(readExportFile(JSON.stringify(file))).toEqual({ file: { tooljet_version: '3.16.0', app: [{ definition: { appV2: { name: 'Orders' } } }] } });
    expect(readExportFile('not json')).toHaveProperty('error', expect.stringMatching(/not JSON/));
    expect(readExportFile('[]')).toHaveProperty('error');
    expect(readExportFile('{"app":[]}')).toHaveProperty('error', expect.stringMatching(/tooljet_version/));
    expect(readExportFile('{"tooljet_version":"3.0.0","app":[]}')).toHaveProperty('error', expect.stringMatching(/appV2/));
  });

  it('names the download after the app, safely', () => {
    expect(exportFileName('Orders / Q1 ✓', new Date('2026-01-02T03:04:05Z'))).toBe('Orders-Q1-2026-01-02.json');
    expect(exportFileName('///', new Date('2026-01-02T03:04:05Z'))).toBe('app-2026-01-02.json');
  });
});
