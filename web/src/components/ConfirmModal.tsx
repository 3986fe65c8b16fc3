import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, said once before it does. */
  message: ReactNode;
  /** The confirming button's words. */
  action: ReactNode;
  onConfirm: () => void;
  /** A destructive action's button says so in red; others (rotate, resend) do not. */
  danger?: boolean;
}

/** Asks once before an action runs; for actions started from a menu rather than a button of their own. */
export function ConfirmModal({ opened, onClose, title, message, action, onConfirm, danger = true }: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text size="sm">{message}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color={danger ? 'red.9' : undefined}
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {action}
        </Button>
      </Group>
    </Modal>
  );
}
