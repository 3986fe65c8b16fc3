import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { TreeFolder } from './app-tree.ts';
import { destinationsFor } from './app-tree.ts';
import type { TreeEntry } from './AppTreeView.tsx';

const TOP = '';

/** "Move to…": the keyboard's way of moving an entry, to any folder it may go in or to the top level. */
export function MoveModal({ entry, folders, mayFill, onClose, onMove }: {
  entry: TreeEntry;
  folders: readonly TreeFolder[];
  mayFill: (folderId: string | null) => boolean;
  onClose: () => void;
  onMove: (destination: string | null) => void;
}) {
  const options = destinationsFor(entry, folders).filter((destination) => mayFill(destination.id));
  const [choice, setChoice] = useState(options[0]?.id ?? TOP);
  return (
    <Modal opened onClose={onClose} title={`Move ${entry.name}`}>
      <Stack>
        {options.length === 0 ? (
          <Text size="sm">There is nowhere else it can go.</Text>
        ) : (
          <NativeSelect
            label="Move to"
            data-autofocus
            value={choice ?? TOP}
            onChange={(event) => setChoice(event.currentTarget.value)}
            data={options.map((option) => ({ value: option.id ?? TOP, label: option.label }))}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={options.length === 0}
            onClick={() => {
              onMove(choice === TOP ? null : choice);
              onClose();
            }}
          >
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
