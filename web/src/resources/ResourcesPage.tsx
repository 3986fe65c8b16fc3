import { Anchor, Autocomplete, Button, Group, Modal, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../api/client.ts';
import { useObjectRights } from '../api/object-access.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { RESOURCE_TYPES, SECRET_NAME } from './option-rows.ts';

export const RESOURCES_KEY = ['resources'] as const;

/** A new resource: name, type and, optionally, its first secret; options are edited on its page. */
function CreateResourceModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', type: '', secretName: '', secretValue: '' },
    validate: {
      name: (value) => (value.trim() ? (value.trim().length > 255 ? 'At most 255 characters' : null) : 'Enter a name'),
      type: (value) => (value.trim() ? (value.trim().length > 100 ? 'At most 100 characters' : null) : 'Choose a type'),
      secretName: (value, values) => (value || values.secretValue ? (SECRET_NAME.test(value) ? null : 'Letters, digits, _ . and - only, up to 100') : null),
      secretValue: (value, values) => (values.secretName && !value ? 'Enter the value' : null),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => call(api.POST('/resources', {
      body: { name: values.name.trim(), type: values.type.trim(), ...(values.secretName ? { secrets: { [values.secretName]: values.secretValue } } : {}) },
    })),
    onSuccess: (resource) => {
      void queryClient.invalidateQueries({ queryKey: RESOURCES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['object-access'] });
      onClose();
      navigate(`/resources/${resource.id}`);
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Modal opened onClose={onClose} title="New resource">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          <Autocomplete
            label="Type"
            description="One of the known types, or another type's name"
            data={RESOURCE_TYPES.map((type) => ({ value: type.value, label: type.label }))}
            {...form.getInputProps('type')}
          />
          <TextInput label="Secret name (optional)" placeholder="password" {...form.getInputProps('secretName')} />
          <PasswordInput label="Secret value" autoComplete="new-password" {...form.getInputProps('secretValue')} />
          {create.isError && !Object.keys(form.errors).length && <ErrorAlert error={create.error} title="Could not create the resource" />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Create resource
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The workspace's data-source resources; who may create one creates it here. */
export default function ResourcesPage() {
  const rights = useObjectRights('resource');
  const [creating, setCreating] = useState(false);
  const resources = useQuery({ queryKey: RESOURCES_KEY, queryFn: () => call(api.GET('/resources')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Resources
        </Title>
        {rights.create && <Button onClick={() => setCreating(true)}>New resource</Button>}
      </Group>
      {creating && <CreateResourceModal onClose={() => setCreating(false)} />}
      <QueryView query={resources} isEmpty={(answer) => answer.data.length === 0} empty="No resources yet.">
        {(answer) => (
          <Table striped highlightOnHover verticalSpacing={4} fz="sm" aria-label="Resources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th visibleFrom="sm">Options</Table.Th>
                <Table.Th visibleFrom="sm">Secrets</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.data.map((resource) => (
                <Table.Tr key={resource.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor component={Link} to={`/resources/${resource.id}`} size="sm">
                      {resource.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{resource.displayName}</Table.Td>
                  <Table.Td visibleFrom="sm">{Object.keys(resource.options).length}</Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm" c={resource.secretNames.length ? undefined : 'dimmed'}>
                      {resource.secretNames.length ? resource.secretNames.join(', ') : 'none'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}
