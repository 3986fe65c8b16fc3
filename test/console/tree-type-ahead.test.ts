import { describe, expect, it } from 'vitest';
import { buildTree } from '../../web/src/apps/app-tree.ts';
import { entryKey, visibleEntries } from '../../web/src/apps/tree-keys.ts';
import { TYPE_AHEAD_RESET_MS, typeAheadTarget, typePrefix } from '../../web/src/apps/tree-type-ahead.ts';

// Sales (Reports (Board), Pipeline, Promo), Orders, Summary
const tree = buildTree(
  [{ id: 'sales', name: 'Sales' }, { id: 'reports', name: 'Reports', parentFolderId: 'sales' }],
  [
    { id: 'orders', name: 'Orders' }, { id: 'summary', name: 'Summary' }, { id: 'pipeline', name: 'Pipeline', folderId: 'sales' },
    { id: 'promo', name: 'Promo', folderId: 'sales' }, { id: 'board', name: 'Board', folderId: 'reports' },
  ],
);
const sales = entryKey('folder', 'sales');
const reports = entryKey('folder', 'reports');
const board = entryKey('app', 'board');
const pipeline = entryKey('app', 'pipeline');
const promo = entryKey('app', 'promo');
const orders = entryKey('app', 'orders');
const summary = entryKey('app', 'summary');

describe('type-ahead in the apps tree', () => {
  const open = visibleEntries(tree, new Set());

  it('moves to the next shown entry whose name starts with the character, regardless of case, wrapping round', () => {
    expect(open.map((entry) => entry.key)).toEqual([sales, reports, board, pipeline, promo, orders, summary]);
    expect(typeAheadTarget(open, sales, 'p')).toBe(pipeline);
    expect(typeAheadTarget(open, pipeline, 'P')).toBe(promo);
    expect(typeAheadTarget(open, promo, 'p')).toBe(pipeline);
    expect(typeAheadTarget(open, summary, 'r')).toBe(reports);
    expect(typeAheadTarget(open, sales, 's')).toBe(summary);
    expect(typeAheadTarget(open, summary, 's')).toBe(sales);
    expect(typeAheadTarget(open, sales, 'x')).toBeNull();
  });

  it('skips what a closed folder hides', () => {
    expect(typeAheadTarget(visibleEntries(tree, new Set([sales])), orders, 'p')).toBeNull();
    expect(typeAheadTarget(visibleEntries(tree, new Set([reports])), sales, 'b')).toBeNull();
  });

  it('matches a prefix of several characters, staying on the current entry while it still matches', () => {
    expect(typeAheadTarget(open, pipeline, 'pr')).toBe(promo);
    expect(typeAheadTarget(open, promo, 'pro')).toBe(promo);
    expect(typeAheadTarget(open, sales, 'su')).toBe(summary);
    expect(typeAheadTarget(open, sales, 'sa')).toBe(sales);
    expect(typeAheadTarget(open, sales, 'sx')).toBeNull();
  });

  it('moves on through the names starting with one character typed over and over', () => {
    expect(typeAheadTarget(open, pipeline, 'pp')).toBe(promo);
    expect(typeAheadTarget(open, summary, 'sss')).toBe(sales);
  });

  it('adds characters typed quickly to the prefix and starts a new one after a pause', () => {
    const first = typePrefix(null, 'P', 1000);
    expect(first).toEqual({ text: 'P', at: 1000 });
    const second = typePrefix(first, 'r', 1000 + TYPE_AHEAD_RESET_MS - 1);
    expect(second?.text).toBe('Pr');
    expect(typePrefix(second, ' ', second!.at + 100)?.text).toBe('Pr ');
    expect(typePrefix(second, 'o', second!.at + TYPE_AHEAD_RESET_MS)).toEqual({ text: 'o', at: second!.at + TYPE_AHEAD_RESET_MS });
  });

  it('leaves keys that are not one printable character, and a space starting a prefix, to do what they do', () => {
    for (const key of ['Enter', 'ArrowDown', 'Home', 'Shift', 'Tab', 'Escape', '\t']) expect(typePrefix(null, key, 0)).toBeNull();
    expect(typePrefix(null, ' ', 0)).toBeNull();
    expect(typePrefix(null, 'é', 0)?.text).toBe('é');
  });
});
