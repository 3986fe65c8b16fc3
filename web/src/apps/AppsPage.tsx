import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useObjectRights } from '../api/object-access.ts';
import { ConfirmModal } from '../components/ConfirmModal.tsx';
import { NameModal } from '../components/NameModal.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { buildTree } from './app-tree.ts';
import { useAppTree } from './apps-data.ts';
import { AppTreeView, type TreeAction, type TreeEntry } from './AppTreeView.tsx';
import { CreateModal } from './CreateModal.tsx';
import { ImportModal } from './ImportModal.tsx';
import { MoveModal } from './MoveModal.tsx';
import { useTreeMutations } from './tree-mutations.ts';

type Dialog = { kind: 'create-app' | 'create-folder' | 'import' } | { kind: TreeAction; entry: TreeEntry } | null;

/** The workspace's apps and app folders as one tree: create, rename, move (drag or menu), delete, import. */
export default function AppsPage() {
  const tree = useAppTree();
  const appRights = useObjectRights('app');
  const folderRights = useObjectRights('folder');
  const { move, rename, remove, refresh } = useTreeMutations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const entry = dialog && 'entry' in dialog ? dialog.entry : null;
  const renaming = useMutation(rename(entry));
  const mayFill = (folderId: string | null) => (folderId === null ? appRights.create : folderRights.of(folderId).edit);
  const folders = tree.data?.folders ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Apps
        </Title>
        {appRights.create && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
              Import
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'create-folder' })}>
              New folder
            </Button>
            <Button onClick={() => setDialog({ kind: 'create-app' })}>New app</Button>
          </Group>
        )}
      </Group>
      <QueryView
        query={tree}
        isEmpty={(answer) => answer.apps.length === 0 && answer.folders.length === 0}
        empty="No apps or folders yet."
      >
        {({ apps: list, folders: folderList }) => (
          <>
            <Text size="sm" c="dimmed">
              {`${list.length} apps in ${folderList.length} folders. Drag an entry onto a folder (or onto the empty space below for the top level), or use its menu's "Move to…".`}
            </Text>
            <AppTreeView
              tree={buildTree(folderList, list)}
              folders={folderList}
              rightsOf={(kind, id) => (kind === 'app' ? appRights : folderRights).of(id)}
              mayFill={mayFill}
              onAction={(action, target) => setDialog({ kind: action, entry: target })}
              onMove={(target, destination) => move.mutate({ entry: target, destination })}
            />
          </>
        )}
      </QueryView>
      {(dialog?.kind === 'create-app' || dialog?.kind === 'create-folder') && (
        <CreateModal kind={dialog.kind === 'create-app' ? 'app' : 'folder'} folders={folders} mayFill={mayFill} onClose={close} onCreated={refresh} />
      )}
      {dialog?.kind === 'import' && <ImportModal folders={folders} mayFill={mayFill} onClose={close} onImported={refresh} />}
      {dialog?.kind === 'rename' && (
        <NameModal opened onClose={close} title={`Rename ${dialog.entry.name}`} initial={dialog.entry.name} submitLabel="Rename" mutation={renaming} />
      )}
      {dialog?.kind === 'move' && (
        <MoveModal entry={dialog.entry} folders={folders} mayFill={mayFill} onClose={close} onMove={(destination) => move.mutate({ entry: dialog.entry, destination })} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmModal
          opened
          onClose={close}
          title={`Delete ${dialog.entry.name}?`}
          message={dialog.entry.kind === 'folder' ? 'Only an empty folder can be deleted.' : 'The app and all its versions are deleted.'}
          action="Delete"
          onConfirm={() => remove.mutate(dialog.entry)}
        />
      )}
    </Stack>
  );
}
