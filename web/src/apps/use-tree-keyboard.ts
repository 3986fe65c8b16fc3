import { type FocusEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Tree } from './app-tree.ts';
import { type VisibleEntry, entryKey, treeKeyAction, visibleEntries } from './tree-keys.ts';
import { type TypedPrefix, typeAheadTarget, typePrefix } from './tree-type-ahead.ts';

/** What the tree's keyboard handling gives each entry: its place, state and props. */
export interface TreeItemState {
  level: number;
  expandable: boolean;
  expanded: boolean;
  /** The entry that holds the tree's one tab stop. */
  active: boolean;
  /** Whether the entry itself has the focus, brought by the keyboard (its line is outlined then). */
  focused: boolean;
  toggle: () => void;
  props: {
    role: 'treeitem';
    'aria-level': number;
    'aria-expanded'?: boolean;
    tabIndex: 0 | -1;
    'data-key': string;
    ref: (element: HTMLElement | null) => void;
    onFocus: (event: FocusEvent) => void;
    onBlur: (event: FocusEvent) => void;
  };
}

/**
 * A WAI-ARIA tree's keyboard behaviour over the apps tree: one tab stop (roving tabindex) on
 * the entry last focused, or the first one shown when that one is gone or hidden; the keys of
 * `treeKeyAction`, and type-ahead (`typeAheadTarget`) for printable characters, Shift
 * included. Folders start open. Focus inside an entry (its link, its menu) makes it the
 * active one, so Tab comes back to where the person was.
 */
export function useTreeKeyboard(tree: Tree) {
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const typed = useRef<TypedPrefix | null>(null);
  const entries = visibleEntries(tree, collapsed);
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const activeKey = chosenKey !== null && byKey.has(chosenKey) ? chosenKey : entries[0]?.key;

  const setExpanded = (key: string, expanded: boolean) => setCollapsed((before) => {
    const after = new Set(before);
    if (expanded) after.delete(key);
    else after.add(key);
    return after;
  });
  const focus = (key: string) => {
    setChosenKey(key);
    elements.current.get(key)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem' || event.altKey || event.ctrlKey || event.metaKey) return;
    const currentKey = target.dataset.key ?? '';
    const prefix = typePrefix(typed.current, event.key, event.timeStamp);
    if (prefix) {
      event.preventDefault();
      typed.current = prefix;
      const found = typeAheadTarget(entries, currentKey, prefix.text);
      if (found !== null && found !== currentKey) focus(found);
      return;
    }
    if (event.shiftKey) return;
    const action = treeKeyAction(entries, currentKey, event.key);
    if (!action) return;
    event.preventDefault();
    typed.current = null;
    if ('focus' in action) focus(action.focus);
    else if ('expand' in action) setExpanded(action.expand, true);
    else if ('collapse' in action) setExpanded(action.collapse, false);
    else void navigate(`/apps/${action.openApp}`);
  };

  const itemState = (kind: 'folder' | 'app', id: string): TreeItemState | undefined => {
    const key = entryKey(kind, id);
    const entry: VisibleEntry | undefined = byKey.get(key);
    if (!entry) return undefined;
    return {
      level: entry.level,
      expandable: entry.expandable,
      expanded: entry.expanded,
      active: key === activeKey,
      focused: key === focusedKey,
      toggle: () => setExpanded(key, !entry.expanded),
      props: {
        role: 'treeitem',
        'aria-level': entry.level,
        'aria-expanded': entry.expandable ? entry.expanded : undefined,
        tabIndex: key === activeKey ? 0 : -1,
        'data-key': key,
        ref: (element) => {
          if (element) elements.current.set(key, element);
          else elements.current.delete(key);
        },
        onFocus: (event) => {
          event.stopPropagation();
          setChosenKey(key);
          setFocusedKey(event.target === event.currentTarget && (event.target as HTMLElement).matches(':focus-visible') ? key : null);
        },
        onBlur: (event) => {
          event.stopPropagation();
          setFocusedKey(null);
        },
      },
    };
  };

  return { treeProps: { role: 'tree' as const, onKeyDown }, itemState };
}
