import { Button, Group, Modal, NativeSelect, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.ts';
import { actingRole, useMe } from '../api/me.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { type DataType, parseDefaultValue } from './default-value.ts';

const KEY = ['userAttributes'] as const;
const TYPES: DataType[] = ['string', 'number', 'boolean', 'json'];

function DefineAttributeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', label: '', dataType: 'string' as DataType, defaultValue: '' },
    validate: {
      name: (value) => (/^[A-Za-z][A-Za-z0-9_]*$/.test(value) ? null : 'Letters, digits and _, starting with a letter'),
      defaultValue: (value, values) => parseDefaultValue(value, values.dataType).error ?? null,
    },
  });
  const define = useMutation({
    mutationFn: (values: typeof form.values) => {
      const { value } = parseDefaultValue(values.defaultValue, values.dataType);
      return call(api.POST('/userAttributes', {
        body: { name: values.name, dataType: values.dataType, ...(values.label ? { label: values.label } : {}), ...(value === undefined ? {} : { defaultValue: value }) },
      }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEY });
      form.reset();
      onClose();
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New attribute">
      <form onSubmit={form.onSubmit((values) => define.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" description="How the API and apps read it; fixed once made." data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Label" description="What people see." {...form.getInputProps('label')} />
          <NativeSelect label="Type" data={TYPES} {...form.getInputProps('dataType')} />
          <TextInput label="Default value" description="Empty: none." {...form.getInputProps('defaultValue')} />
          {define.isError && !Object.keys(form.errors).length && <ErrorAlert error={define.error} title="Could not define the attribute" />}
          <Group justify="flex-end">
            <Button type="submit" loading={define.isPending}>
              Define attribute
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The user attributes the workspace defines; admins define and delete them. */
export default function AttributesPage() {
  const me = useMe().data;
  const isAdmin = me ? actingRole(me) === 'admin' : false;
  const queryClient = useQueryClient();
  const [defining, define] = useDisclosure(false);
  const attributes = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/userAttributes')) });
  const remove = useMutation({
    mutationFn: (attributeId: string) => call(api.DELETE('/userAttributes/{attributeId}', { params: { path: { attributeId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not delete the attribute', message: error.message }),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          User attributes
        </Title>
        {isAdmin && <Button onClick={define.open}>New attribute</Button>}
      </Group>
      {isAdmin && <DefineAttributeModal opened={defining} onClose={define.close} />}
      <QueryView query={attributes} isEmpty={(answer) => answer.data.length === 0} empty="No attributes defined.">
        {(answer) => (
          <Table.ScrollContainer minWidth={340}>
            <Table striped verticalSpacing={4} fz="sm" aria-label="User attributes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th visibleFrom="sm">Label</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th visibleFrom="sm">Default</Table.Th>
                  {isAdmin && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.data.map((attribute) => (
                  <Table.Tr key={attribute.id}>
                    <Table.Td>
                      <code>{attribute.name}</code>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{attribute.label}</Table.Td>
                    <Table.Td>{attribute.dataType}</Table.Td>
                    <Table.Td visibleFrom="sm">{attribute.defaultValue === null || attribute.defaultValue === undefined ? '—' : JSON.stringify(attribute.defaultValue)}</Table.Td>
                    {isAdmin && (
                      <Table.Td ta="right">
                        <ConfirmButton
                          size="xs"
                          aria-label={`Delete ${attribute.name}`}
                          title={`Delete ${attribute.name}?`}
                          message="Every user's value of it is deleted too."
                          onConfirm={() => remove.mutate(attribute.id)}
                        >
                          Delete
                        </ConfirmButton>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Stack>
  );
}
