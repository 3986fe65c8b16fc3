import { Button, CopyButton } from '@mantine/core';

/** A button copying a value to the clipboard, saying so once it did. */
export function CopyValue({ value, label = 'Copy' }: { value: string; label?: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" mt="xs" onClick={copy} color={copied ? 'teal' : undefined}>
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}
