import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { type DataType, parseDefaultValue } from '../attributes/default-value.ts';
import { QueryView } from '../components/QueryView.tsx';

interface Definition {
  name: string;
  label: string;
  dataType: DataType;
}

/** One attribute's value for a member: typed in, checked against the attribute's type, then set. */
function ValueRow({ userId, definition, value }: { userId: string; definition: Definition; value: unknown }) {
  const queryClient = useQueryClient();
  const shown = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const set = useMutation({
    mutationFn: (next: unknown) => {
      const path = { userId, attributeName: definition.name };
      return next === undefined
        ? call(api.DELETE('/users/{userId}/attributes/{attributeName}', { params: { path } }))
        : call(api.PUT('/users/{userId}/attributes/{attributeName}', { params: { path }, body: { value: next } }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: `${definition.label || definition.name} is saved.` });
    },
    onError: (failure) => setError(failure.message),
  });
  const save = () => {
    const parsed = parseDefaultValue(text, definition.dataType);
    if (parsed.error) return setError(parsed.error);
    setError(null);
    set.mutate(parsed.value);
  };
  return (
    <Table.Tr>
      <Table.Th scope="row">{definition.label || definition.name}</Table.Th>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`Value of ${definition.name}`}
            description={definition.dataType}
            value={text}
            error={error}
            onChange={(event) => setText(event.currentTarget.value)}
            size="xs"
          />
          <Button size="xs" variant="default" onClick={save} loading={set.isPending} disabled={text === shown} aria-label={`Save ${definition.name}`}>
            Save
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** A member's attribute values, one per attribute the workspace defines; admins set them (empty removes one). */
export function AttributeValues({ userId, values }: { userId: string; values: Record<string, unknown> }) {
  const definitions = useQuery({ queryKey: ['userAttributes'], queryFn: () => call(api.GET('/userAttributes')) });
  return (
    <QueryView query={definitions} isEmpty={(answer) => answer.data.length === 0} empty="The workspace defines no attributes.">
      {(answer) => (
        <>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {answer.data.map((definition) => (
                <ValueRow key={definition.id} userId={userId} definition={definition} value={values[definition.name]} />
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            An empty value removes the member's own value (the attribute's default, if any, shows again).
          </Text>
        </>
      )}
    </QueryView>
  );
}
