import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** What to say when the answer holds nothing. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** A list's or a page's three other states besides its content: loading, failed (with a retry), and empty. */
export function QueryView<T>({ query, empty, isEmpty, children }: QueryViewProps<T>) {
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Stack gap="xs">
        <ErrorAlert error={query.error} title="Could not load" />
        <Group>
          <Button variant="default" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Group>
      </Stack>
    );
  }
  if (isEmpty?.(query.data)) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {empty ?? 'Nothing here yet.'}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}
