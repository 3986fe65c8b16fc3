import { describe, expect, it } from 'vitest';
import { buildTree } from '../../web/src/apps/app-tree.ts';
import { entryKey, treeKeyAction, visibleEntries } from '../../web/src/apps/tree-keys.ts';

// Sales (Reports (Board), Pipeline), Empty, Orders
const tree = buildTree(
  [{ id: 'sales', name: 'Sales' }, { id: 'reports', name: 'Reports', parentFolderId: 'sales' }, { id: 'empty', name: 'Empty' }],
  [{ id: 'orders', name: 'Orders' }, { id: 'pipeline', name: 'Pipeline', folderId: 'sales' }, { id: 'board', name: 'Board', folderId: 'reports' }],
);
const sales = entryKey('folder', 'sales');
const reports = entryKey('folder', 'reports');
const empty = entryKey('folder', 'empty');
const orders = entryKey('app', 'orders');
const pipeline = entryKey('app', 'pipeline');
const board = entryKey('app', 'board');

describe('the apps tree by keyboard', () => {
  it('shows each folder followed by its contents while open, with levels from 1, and an empty folder that cannot open', () => {
    const open = visibleEntries(tree, new Set());
    expect(open.map((entry) => [entry.key, entry.level, entry.expanded])).toEqual([
      [empty, 1, false], [sales, 1, true], [reports, 2, true], [board, 3, false], [pipeline, 2, false], [orders, 1, false],
    ]);
    expect(open.find((entry) => entry.key === empty)!.expandable).toBe(false);
    expect(visibleEntries(tree, new Set([sales])).map((entry) => entry.key)).toEqual([empty, sales, orders]);
  });

  it('moves up and down what is shown, to the first and last, and stops at the ends', () => {
    const entries = visibleEntries(tree, new Set([reports]));
    expect(treeKeyAction(entries, reports, 'ArrowDown')).toEqual({ focus: pipeline });
    expect(treeKeyAction(entries, pipeline, 'ArrowUp')).toEqual({ focus: reports });
    expect(treeKeyAction(entries, pipeline, 'Home')).toEqual({ focus: empty });
    expect(treeKeyAction(entries, empty, 'End')).toEqual({ focus: orders });
    expect(treeKeyAction(entries, orders, 'ArrowDown')).toBeNull();
    expect(treeKeyAction(entries, empty, 'ArrowUp')).toBeNull();
  });

  it('opens a closed folder, enters an open one, closes it or goes to the parent, and does nothing on an app or an empty folder', () => {
    const entries = visibleEntries(tree, new Set([reports]));
    expect(treeKeyAction(entries, reports, 'ArrowRight')).toEqual({ expand: reports });
    expect(treeKeyAction(entries, sales, 'ArrowRight')).toEqual({ focus: reports });
    expect(treeKeyAction(entries, sales, 'ArrowLeft')).toEqual({ collapse: sales });
    expect(treeKeyAction(entries, reports, 'ArrowLeft')).toEqual({ focus: sales });
    expect(treeKeyAction(entries, orders, 'ArrowLeft')).toBeNull();
    expect(treeKeyAction(entries, orders, 'ArrowRight')).toBeNull();
    expect(treeKeyAction(entries, empty, 'ArrowRight')).toBeNull();
  });

  it('opens an app on Enter and opens or closes a folder', () => {
    const entries = visibleEntries(tree, new Set([reports]));
    expect(treeKeyAction(entries, pipeline, 'Enter')).toEqual({ openApp: 'pipeline' });
    expect(treeKeyAction(entries, sales, 'Enter')).toEqual({ collapse: sales });
    expect(treeKeyAction(entries, reports, 'Enter')).toEqual({ expand: reports });
    expect(treeKeyAction(entries, empty, 'Enter')).toBeNull();
    expect(treeKeyAction(entries, pipeline, 'a')).toBeNull();
    expect(treeKeyAction(entries, 'app:gone', 'ArrowDown')).toBeNull();
  });
});
