import { Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client.ts';
import { useMe } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { GrantForm } from './GrantForm.tsx';
import { type AccessSource, LEVEL_LABELS, OBJECT_TYPES, OBJECT_TYPE_LABELS, type ObjectType, describeSource } from './sources.ts';

type Subject = { type: 'user'; id: string } | { type: 'group'; id: number };

/** Every object of a type with its name: an admin's own access reaches them all. */
function useObjects(type: ObjectType, adminId: string | undefined) {
  return useQuery({
    queryKey: ['permission-objects', type, adminId],
    queryFn: () => call(api.POST('/permissions/listObjects', { body: { subject: { type: 'user', id: adminId! }, objectType: type, includeInherited: true } })),
    enabled: adminId !== undefined,
  });
}

/**
 * One object's access list: who can do what on it and why, with a grant form and a revoke
 * for each direct grant. The object is chosen by type and name and kept in the address.
 */
export default function PermissionsPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const type = (OBJECT_TYPES.find((known) => known === params.get('type')) ?? 'app') as ObjectType;
  const objectId = params.get('object');
  const objects = useObjects(type, me?.id);
  const folders = useObjects('folder', me?.id);
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => call(api.GET('/groups')) });
  const accessList = useQuery({
    queryKey: ['access-list', type, objectId],
    queryFn: () => call(api.GET('/permissions/accessList/{objectType}/{objectId}', { params: { path: { objectType: type, objectId: objectId! } } })),
    enabled: objectId !== null,
  });
  const revoke = useMutation({
    mutationFn: (subject: Subject) => call(api.POST('/permissions/revoke', { body: { subject, object: { type, id: objectId! } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['access-list', type, objectId] }),
  });
  const names = {
    groups: new Map((groups.data?.data ?? []).map((group) => [group.id, group.name])),
    folders: new Map((folders.data?.data ?? []).map((item) => [item.id, item.name])),
  };
  const sourcesText = (sources: AccessSource[]) => sources.map((source) => `${describeSource(source, names)}: ${LEVEL_LABELS[source.accessLevel].toLowerCase()}`);
  const revokeButton = (subject: Subject, label: string, sources: AccessSource[]) => sources.some((source) => source.type === 'direct') && (
    <ConfirmButton size="xs" title="Revoke this grant?" message={`${label} loses the access granted to it directly on this object.`}
      onConfirm={() => revoke.mutate(subject)} aria-label={`Revoke ${label}`}>
      Revoke
    </ConfirmButton>
  );

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">Permissions</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Object type"
          data={OBJECT_TYPES.map((value) => ({ value, label: OBJECT_TYPE_LABELS[value] }))}
          value={type}
          onChange={(value) => setParams({ type: value ?? 'app' })}
          allowDeselect={false}
          w={{ base: '100%', xs: 160 }}
        />
        <Select
          label={OBJECT_TYPE_LABELS[type]}
          placeholder={objects.isError ? 'Could not load' : `Choose a ${type}`}
          data={(objects.data?.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={objectId}
          onChange={(value) => setParams(value ? { type, object: value } : { type })}
          searchable
          nothingFoundMessage="No match"
          w={{ base: '100%', xs: 320 }}
        />
      </Group>
      {objects.isError && <ErrorAlert error={objects.error} title="Could not load the objects" />}
      {objectId === null ? (
        <Text c="dimmed" size="sm">Choose an object to see who can access it.</Text>
      ) : (
        <Stack>
          <GrantForm object={{ type, id: objectId }} />
          {revoke.isError && <ErrorAlert error={revoke.error} title="Could not revoke" />}
          <QueryView query={accessList} isEmpty={(answer) => answer.data.users.length + answer.data.groups.length === 0} empty="Nobody has access yet.">
            {(answer) => (
              <Table.ScrollContainer minWidth={0}>
                <Table fz="sm" verticalSpacing={4} aria-label="Access list">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Who</Table.Th>
                      <Table.Th>Level</Table.Th>
                      <Table.Th>From</Table.Th>
                      <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {answer.data.groups.map((entry) => (
                      <Table.Tr key={`group:${entry.subject.id}`}>
                        <Table.Td>{`Group ${entry.subject.name}`}</Table.Td>
                        <Table.Td><Text size="sm" fw={600}>{LEVEL_LABELS[entry.accessLevel]}</Text></Table.Td>
                        <Table.Td>{sourcesText(entry.sources).map((text) => <Text size="sm" key={text}>{text}</Text>)}</Table.Td>
                        <Table.Td>{revokeButton({ type: 'group', id: entry.subject.id }, `Group ${entry.subject.name}`, entry.sources)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {answer.data.users.map((entry) => (
                      <Table.Tr key={`user:${entry.subject.id}`}>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.subject.email}</Table.Td>
                        <Table.Td><Text size="sm" fw={600}>{LEVEL_LABELS[entry.accessLevel]}</Text></Table.Td>
                        <Table.Td>{sourcesText(entry.sources).map((text) => <Text size="sm" key={text}>{text}</Text>)}</Table.Td>
                        <Table.Td>{revokeButton({ type: 'user', id: entry.subject.id }, entry.subject.email, entry.sources)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Stack>
      )}
    </Stack>
  );
}
