import { Anchor, Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { formatTime } from '../components/format.ts';

const PAGE = 50;

/** Where the console shows an object of the audit log, when it has a page for it. */
function objectLink(type: string, id: string | null): string | null {
  if (!id) return null;
  if (type === 'user') return `/users/${id}`;
  if (type === 'group') return `/groups/${id}`;
  return null;
}

function ObjectRef({ type, id, label }: { type: string; id: string | null; label?: string }) {
  const to = objectLink(type, id);
  const text = label ?? `${type} ${id ?? ''}`.trim();
  return to ? (
    <Anchor component={Link} to={to} size="sm">
      {text}
    </Anchor>
  ) : (
    <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

/** The fields a write set, each with its new value: the audit log records what changed to what. */
function Changes({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {entries.map(([field, value]) => (
        <Text key={field} size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          <Text span c="green.9" fw={700} aria-hidden>
            +{' '}
          </Text>
          {field}: {JSON.stringify(value)}
        </Text>
      ))}
    </Stack>
  );
}

/** Who acted: a link to the user behind the event when there is one. */
function Actor({ actor }: { actor: { type: string; userId?: string | null } }) {
  return actor.userId ? <ObjectRef type="user" id={actor.userId} label={`${actor.type} (user)`} /> : actor.type;
}

/**
 * The workspace's audit log, newest first, filtered by action and target type, loaded page after page as it is
 * scrolled. Below `sm` the time, actor and target go under the action, so the changes keep
 * room to be read.
 */
export default function AuditPage() {
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const [filters] = useDebouncedValue({ action: action.trim(), targetType: targetType.trim() }, 300);
  const events = useInfiniteQuery({
    queryKey: ['auditEvents', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/auditEvents', {
        params: {
          query: {
            limit: PAGE,
            ...(pageParam ? { cursor: pageParam } : {}),
            ...(filters.action ? { action: filters.action } : {}),
            ...(filters.targetType ? { targetType: filters.targetType } : {}),
          },
        },
      })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = events;
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && hasNextPage && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, events.isSuccess]);

  return (
    <Stack>
      <Title order={1} size="h2">
        Audit log
      </Title>
      <Group align="flex-end">
        <TextInput label="Action" placeholder="user.updated" value={action} onChange={(event) => setAction(event.currentTarget.value)} />
        <TextInput label="Target type" placeholder="user" value={targetType} onChange={(event) => setTargetType(event.currentTarget.value)} />
      </Group>
      <QueryView query={events} isEmpty={(answer) => answer.pages[0]?.data.length === 0} empty="No events match.">
        {(answer) => (
          <>
            <Table.ScrollContainer minWidth={340}>
              <Table striped verticalSpacing={4} fz="sm" aria-label="Audit events">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th visibleFrom="sm">When</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th visibleFrom="sm">Actor</Table.Th>
                    <Table.Th visibleFrom="sm">Target</Table.Th>
                    <Table.Th>Changes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.pages.flatMap((page) => page.data).map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>{formatTime(event.occurredAt)}</Table.Td>
                      <Table.Td>
                        <Code>{event.action}</Code>
                        <Stack gap={0} mt={4} hiddenFrom="sm">
                          <Text size="xs">{formatTime(event.occurredAt)}</Text>
                          <Text size="xs">by <Actor actor={event.actor} /></Text>
                          <Text size="xs">on <ObjectRef type={event.target.type} id={event.target.id} /></Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Actor actor={event.actor} />
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <ObjectRef type={event.target.type} id={event.target.id} />
                      </Table.Td>
                      <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                        <Changes changes={event.changes} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <div ref={sentinel} />
            {events.isFetchNextPageError && <ErrorAlert error={events.error} title="Could not load more" />}
            {events.hasNextPage ? (
              <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage} w="fit-content">
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                The beginning of the log.
              </Text>
            )}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
