import { Anchor, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { actingRole, useMe } from '../api/me.ts';
import { QueryView } from '../components/QueryView.tsx';
import { InviteModal } from './InviteModal.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { ROLE_LABELS, roleOf } from './roles.ts';
import { UserFiltersBar } from './UserFiltersBar.tsx';
import { type UserFilters, filtersFrom, isFiltered, paramsOf } from './user-filters.ts';
import { USERS_PAGE_SIZE, pageFrom, usersQuery } from './users-query.ts';

/**
 * The workspace's members, a page at a time from the server, searched and filtered by the
 * server; the page and the filters are in the address, so a reload or a shared link keeps them.
 */
export default function UsersPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const isAdmin = me ? actingRole(me) === 'admin' : false;
  const [inviting, invite] = useDisclosure(false);
  const page = pageFrom(params);
  const filters = filtersFrom(params);
  const filter = (next: UserFilters) => setParams(paramsOf(next), { replace: true });
  const users = useQuery(usersQuery(page, filters));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Users
        </Title>
        {isAdmin && <Button onClick={invite.open}>Invite people</Button>}
      </Group>
      {isAdmin && <InviteModal opened={inviting} onClose={invite.close} />}
      <UserFiltersBar filters={filters} onChange={filter} />
      <QueryView
        query={users}
        isEmpty={(answer) => answer.data.length === 0}
        empty={isFiltered(filters) ? 'No users match these filters.' : 'No users on this page.'}
      >
        {(answer) => (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {answer.total.toLocaleString()} {isFiltered(filters) ? 'matching users' : 'users'}
            </Text>
            <Table.ScrollContainer minWidth={0}>
              <Table striped highlightOnHover verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th visibleFrom="sm">Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th visibleFrom="md">Groups</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.data.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/users/${user.id}`} size="sm">
                          {`${user.firstName} ${user.lastName}`.trim() || user.email}
                        </Anchor>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{user.email}</Table.Td>
                      <Table.Td>{ROLE_LABELS[roleOf(user)]}</Table.Td>
                      <Table.Td><StatusBadge disabled={user.isDisabled} /></Table.Td>
                      <Table.Td visibleFrom="md">{user.groups.map((group) => group.name).join(', ') || '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="flex-end">
              <Pagination
                total={Math.max(1, Math.ceil(answer.total / USERS_PAGE_SIZE))}
                value={page}
                onChange={(next) => setParams(paramsOf(filters, next))}
                size="sm"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
              />
            </Group>
          </>
        )}
      </QueryView>
    </Stack>
  );
}
