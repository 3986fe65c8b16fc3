import { Anchor, Button, Group, Modal, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../api/client.ts';
import { actingRole, useMe } from '../api/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { setServerFieldError } from '../components/server-errors.ts';

export const GROUPS_KEY = ['groups'] as const;

function CreateGroupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : 'Enter a name') },
  });
  const create = useMutation({
    mutationFn: (name: string) => call(api.POST('/groups', { body: { name } })),
    onSuccess: (group) => {
      void queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
      form.reset();
      onClose();
      navigate(`/groups/${group.id}`);
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New group">
      <form onSubmit={form.onSubmit((values) => create.mutate(values.name.trim()))} noValidate>
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          {create.isError && !form.errors.name && <ErrorAlert error={create.error} title="Could not create the group" />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Create group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The workspace's groups with their member counts; admins create them. */
export default function GroupsPage() {
  const me = useMe().data;
  const isAdmin = me ? actingRole(me) === 'admin' : false;
  const [creating, create] = useDisclosure(false);
  const groups = useQuery({ queryKey: GROUPS_KEY, queryFn: () => call(api.GET('/groups')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Groups
        </Title>
        {isAdmin && <Button onClick={create.open}>New group</Button>}
      </Group>
      {isAdmin && <CreateGroupModal opened={creating} onClose={create.close} />}
      <QueryView query={groups} isEmpty={(answer) => answer.data.length === 0} empty="No groups yet.">
        {(answer) => (
          <Table.ScrollContainer minWidth={360}>
            <Table striped highlightOnHover verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Members</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.data.map((group) => (
                  <Table.Tr key={group.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/groups/${group.id}`} size="sm">
                        {group.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{group.members.length}</Table.Td>
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
