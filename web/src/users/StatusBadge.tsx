import { Badge } from '@mantine/core';

/** A member's status, in high-contrast text rather than colour alone. */
export function StatusBadge({ disabled }: { disabled: boolean }) {
  return (
    <Badge variant="default" fw={600} tt="none">
      {disabled ? 'Disabled' : 'Active'}
    </Badge>
  );
}
