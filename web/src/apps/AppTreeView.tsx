import { ActionIcon, Anchor, Box, Group, Menu, Text } from '@mantine/core';
import { type DragEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { ObjectRights } from '../api/object-access.ts';
import { type FolderNode, type MoveItem, type Tree, type TreeApp, type TreeFolder, canDrop } from './app-tree.ts';
import { type TreeItemState, useTreeKeyboard } from './use-tree-keyboard.ts';

/** What a person asks of one entry of the tree. */
export type TreeAction = 'rename' | 'move' | 'delete';

/** An entry of the tree: a folder or an app, with its current parent. */
export interface TreeEntry extends MoveItem {
  name: string;
}

interface TreeViewProps {
  tree: Tree;
  folders: readonly TreeFolder[];
  rightsOf: (kind: 'folder' | 'app', id: string) => ObjectRights;
  /** Whether the person may put things in the folder (null: the top level). */
  mayFill: (folderId: string | null) => boolean;
  onAction: (action: TreeAction, entry: TreeEntry) => void;
  onMove: (entry: TreeEntry, destination: string | null) => void;
}

const DRAG_TYPE = 'application/x-toolplane-entry';

/**
 * Folders and apps as a WAI-ARIA tree (see `useTreeKeyboard` for its keys); a folder opens and
 * closes by clicking its name too. An entry the person may change can be dragged onto a
 * folder or onto the top level, and has a menu (rename, "Move to…", delete): the entry
 * holding the tree's tab stop has its menu button next in the tab order, so moving by
 * keyboard goes through "Move to…". What the person may not do is not offered.
 */
export function AppTreeView(props: TreeViewProps) {
  const [dragged, setDragged] = useState<TreeEntry | null>(null);
  const drop = (destination: string | null) => ({
    onDragOver(event: DragEvent) {
      if (dragged && props.mayFill(destination) && canDrop(dragged, destination, props.folders)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }
    },
    onDrop(event: DragEvent) {
      event.preventDefault();
      event.stopPropagation();
      if (dragged && props.mayFill(destination) && canDrop(dragged, destination, props.folders)) props.onMove(dragged, destination);
      setDragged(null);
    },
  });
  const drag = (entry: TreeEntry) => ({
    draggable: true,
    onDragStart(event: DragEvent) {
      event.stopPropagation();
      event.dataTransfer.setData(DRAG_TYPE, entry.id);
      event.dataTransfer.effectAllowed = 'move';
      setDragged(entry);
    },
    onDragEnd: () => setDragged(null),
  });
  const { treeProps, itemState } = useTreeKeyboard(props.tree);
  const context: RowContext = { ...props, drop, drag, itemState };
  return (
    <Box
      {...drop(null)}
      data-testid="tree-top"
      p="xs"
      pb="xl"
      bd={dragged ? '1px dashed var(--mantine-color-gray-5)' : '1px solid transparent'}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Level node={{ folders: props.tree.folders, apps: props.tree.apps }} parentId={undefined} context={context} treeProps={treeProps} />
    </Box>
  );
}

interface RowContext extends TreeViewProps {
  drop: (destination: string | null) => { onDragOver: (event: DragEvent) => void; onDrop: (event: DragEvent) => void };
  drag: (entry: TreeEntry) => Record<string, unknown>;
  itemState: (kind: 'folder' | 'app', id: string) => TreeItemState | undefined;
}

/** One level: the tree itself at the top (with its keys), a group inside an open folder. */
function Level({ node, parentId, context, treeProps }: {
  node: Pick<FolderNode, 'folders' | 'apps'>;
  parentId?: string;
  context: RowContext;
  treeProps?: ReturnType<typeof useTreeKeyboard>['treeProps'];
}) {
  if (node.folders.length === 0 && node.apps.length === 0) return null;
  return (
    <Box
      component="ul"
      {...(treeProps ? { ...treeProps, 'aria-label': 'Apps and folders' } : { role: 'group' })}
      m={0}
      pl={parentId ? 'lg' : 0}
      style={{ listStyle: 'none' }}
    >
      {node.folders.map((child) => (
        <FolderItem key={child.folder.id} node={child} parentId={parentId} context={context} />
      ))}
      {node.apps.map((app) => (
        <AppItem key={app.id} app={app} parentId={parentId} context={context} />
      ))}
    </Box>
  );
}

function FolderItem({ node, parentId, context }: { node: FolderNode; parentId?: string; context: RowContext }) {
  const entry: TreeEntry = { kind: 'folder', id: node.folder.id, name: node.folder.name, parentId };
  const rights = context.rightsOf('folder', node.folder.id);
  const state = context.itemState('folder', node.folder.id);
  if (!state) return null;
  return (
    <li role="none" {...context.drop(node.folder.id)} data-folder={node.folder.name}>
      <Row entry={entry} rights={rights} context={context} state={state} label={`${node.folder.name} folder`}>
        <Text size="sm" fw={600} span onClick={state.toggle} style={{ cursor: state.expandable ? 'pointer' : undefined }}>
          <FolderChevron state={state} />
          {node.folder.name}
        </Text>{' '}
        <Text size="xs" c="dimmed" span>
          folder
        </Text>
      </Row>
      {state.expanded && <Level node={node} parentId={node.folder.id} context={context} />}
    </li>
  );
}

function AppItem({ app, parentId, context }: { app: TreeApp; parentId?: string; context: RowContext }) {
  const entry: TreeEntry = { kind: 'app', id: app.id, name: app.name, parentId };
  const state = context.itemState('app', app.id);
  if (!state) return null;
  return (
    <li role="none" data-app={app.name}>
      <Row entry={entry} rights={context.rightsOf('app', app.id)} context={context} state={state} label={app.name}>
        <Anchor component={Link} to={`/apps/${app.id}`} size="sm" draggable={false} tabIndex={-1}>
          {app.name}
        </Anchor>
      </Row>
    </li>
  );
}

/** Points right for a closed folder, down for an open one; a same-sized gap for an empty one. */
function FolderChevron({ state }: { state: TreeItemState }) {
  return (
    <svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10" style={{ marginInlineEnd: 6, transform: state.expanded ? 'rotate(90deg)' : undefined }}>
      {state.expandable && <path d="M3 1l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />}
    </svg>
  );
}

/**
 * An entry's line, which is its treeitem (a folder's contents follow it as a group, outside
 * it, so that its name is its own line only); outlined while it has the focus itself.
 */
function Row({ entry, rights, context, state, label, children }: {
  entry: TreeEntry;
  rights: ObjectRights;
  context: RowContext;
  state: TreeItemState;
  label: string;
  children: ReactNode;
}) {
  const movable = rights.edit;
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      py={2}
      px={4}
      {...state.props}
      aria-label={label}
      {...(movable ? context.drag(entry) : {})}
      style={{
        cursor: movable ? 'grab' : undefined,
        borderRadius: 'var(--mantine-radius-sm)',
        outline: state.focused ? '2px solid var(--mantine-primary-color-filled)' : 'none',
        outlineOffset: -2,
      }}
    >
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        {children}
      </Group>
      {(rights.edit || rights.remove) && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${entry.name}`} tabIndex={state.active ? 0 : -1}>
              <span aria-hidden="true">⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {rights.edit && <Menu.Item onClick={() => context.onAction('rename', entry)}>Rename…</Menu.Item>}
            {rights.edit && <Menu.Item onClick={() => context.onAction('move', entry)}>Move to…</Menu.Item>}
            {rights.remove && (
              <Menu.Item c="red.9" onClick={() => context.onAction('delete', entry)}>
                Delete…
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
