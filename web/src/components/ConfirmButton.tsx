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
  'aria-label'?: string;
}

/** A destructive action that asks once before it runs. */
export function ConfirmButton({ children, title, message, onConfirm, ...buttonProps }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
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
