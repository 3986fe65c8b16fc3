import { Alert } from '@mantine/core';
import { ApiError } from '../api/client.ts';

/** A failed request, as the server explained it: its message, and the field at fault when it named one. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : 'Unexpected error';
  const field = error instanceof ApiError ? error.field : undefined;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert color="red" variant="light" title={forbidden ? 'Not allowed' : title} role="alert">
      {message}
      {field ? ` (field: ${field})` : ''}
    </Alert>
  );
}
