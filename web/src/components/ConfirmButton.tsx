import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface ConfirmButtonProps extends ButtonProps {
  /** What the button says, and the confirming button too. */
  children: ReactNode;
  title: string;
  /** What will happen, said once before it does. */
  message: ReactNode;
  onConfirm: () => void;
  /** A destructive action's button says so in red; others (rotate, resend) do not. */
  danger?: boolean;
  'aria-label'?: string;
}

/** A destructive action that asks once before it runs. */
export function ConfirmButton({ children, title, message, onConfirm, danger = true, ...buttonProps }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" c={danger ? 'red.9' : undefined} {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color={danger ? 'red.9' : undefined}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {children}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
