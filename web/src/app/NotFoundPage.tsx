import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A console path that is no page, or a page the person's role does not reach. */
export function NotFoundPage() {
  return (
    <Stack>
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text>This page does not exist, or your role in this workspace does not reach it.</Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
