import { Alert, Code } from '@mantine/core';
import { CopyValue } from '../components/CopyValue.tsx';

/** A token's secret, the one time the server answers it. */
export function SecretOnce({ secret }: { secret: string }) {
  return (
    <Alert color="yellow" title="Copy the secret now" role="status">
      It is not shown again. Send it as <Code>Authorization: Bearer …</Code>.
      <Code block mt="xs" data-testid="token-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {secret}
      </Code>
      <CopyValue value={secret} label="Copy the secret" />
    </Alert>
  );
}
