import { Button, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ConfirmModal } from './ConfirmModal.tsx';

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
      <ConfirmModal opened={opened} onClose={close} title={title} message={message} action={children} onConfirm={onConfirm} danger={danger} />
    </>
  );
}
