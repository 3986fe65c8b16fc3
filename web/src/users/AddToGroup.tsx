import { Button, Group, NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** Puts a member into one of the workspace's groups they are not in yet. */
export function AddToGroup({ userId, memberOf }: { userId: string; memberOf: number[] }) {
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => call(api.GET('/groups')) });
  const [choice, setChoice] = useState('');
  const add = useMutation({
    mutationFn: (groupId: number) => call(api.POST('/groups/{groupId}/members', { params: { path: { groupId } }, body: { userId } })),
    onSuccess: (group) => {
      setChoice('');
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      notifications.show({ color: 'green', message: `Added to ${group.name}.` });
    },
  });
  const open = (groups.data?.data ?? []).filter((group) => !memberOf.includes(group.id));
  if (groups.isSuccess && open.length === 0) return null;
  return (
    <>
      <Group align="flex-end">
        <NativeSelect
          label="Add to group"
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value)}
          data={[{ value: '', label: groups.isPending ? 'Loading…' : 'Choose a group' }, ...open.map((group) => ({ value: String(group.id), label: group.name }))]}
        />
        <Button variant="default" disabled={!choice} loading={add.isPending} onClick={() => add.mutate(Number(choice))}>
          Add
        </Button>
      </Group>
      {add.isError && <ErrorAlert error={add.error} title="Could not add to the group" />}
      {groups.isError && <ErrorAlert error={groups.error} title="Could not load the groups" />}
    </>
  );
}
