import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { QueryView } from '../components/QueryView.tsx';
import { LEVEL_LABELS, OBJECT_TYPES, OBJECT_TYPE_LABELS, describeSource } from '../permissions/sources.ts';

/**
 * What the member can do on each app, resource, folder and workflow, and where each level
 * comes from (role, group grant, direct grant, folder grant), as the server works it out.
 */
export function EffectiveAccess({ userId }: { userId: string }) {
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => call(api.GET('/groups')) });
  const access = useQuery({
    queryKey: ['effective-access', userId],
    queryFn: async () => {
      const lists = await Promise.all(OBJECT_TYPES.map((objectType) => call(api.POST('/permissions/listObjects', {
        body: { subject: { type: 'user', id: userId }, objectType, includeInherited: true },
      }))));
      return lists.flatMap((list) => list.data);
    },
  });
  const names = {
    groups: new Map((groups.data?.data ?? []).map((group) => [group.id, group.name])),
    folders: new Map((access.data ?? []).filter((item) => item.type === 'folder').map((item) => [item.id, item.name])),
  };
  return (
    <QueryView query={access} isEmpty={(items) => items.length === 0} empty="No access to any app, resource, folder or workflow.">
      {(items) => (
        <Table.ScrollContainer minWidth={0}>
          <Table fz="sm" verticalSpacing={4} aria-label="Effective access">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Object</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>From</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.type}:${item.id}`}>
                  <Table.Td>
                    <Text size="sm">{item.name}</Text>
                    <Text size="xs" c="dimmed">{OBJECT_TYPE_LABELS[item.type]}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm" fw={600}>{LEVEL_LABELS[item.accessLevel]}</Text></Table.Td>
                  <Table.Td>
                    {item.sources.map((source, index) => (
                      <Text size="sm" key={index}>
                        {`${describeSource(source, names)}: ${LEVEL_LABELS[source.accessLevel].toLowerCase()}`}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryView>
  );
}
