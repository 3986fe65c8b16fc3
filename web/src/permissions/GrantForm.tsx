import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { type AccessLevel, LEVEL_LABELS, type ObjectType } from './sources.ts';

const LEVEL_OPTIONS = (Object.keys(LEVEL_LABELS) as AccessLevel[]).map((level) => ({ value: level, label: LEVEL_LABELS[level] }));

/** Grants a user (found by the server's search) or a group a level on one object. */
export function GrantForm({ object }: { object: { type: ObjectType; id: string } }) {
  const queryClient = useQueryClient();
  const [subjectType, setSubjectType] = useState<'user' | 'group'>('group');
  const [subject, setSubject] = useState<string | null>(null);
  const [level, setLevel] = useState<AccessLevel>('use');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => call(api.GET('/groups')), enabled: subjectType === 'group' });
  const users = useQuery({
    queryKey: ['users', { page: 1, q, pageSize: 20 }],
    queryFn: () => call(api.GET('/users', { params: { query: { page: 1, pageSize: 20, q: q || undefined } } })),
    enabled: subjectType === 'user',
    placeholderData: keepPreviousData,
  });
  const grant = useMutation({
    mutationFn: () => call(api.POST('/permissions/grant', {
      body: { subject: { type: subjectType, id: subjectType === 'group' ? Number(subject) : subject! }, object, accessLevel: level },
    })),
    onSuccess: () => {
      setSubject(null);
      void queryClient.invalidateQueries({ queryKey: ['access-list', object.type, object.id] });
      void queryClient.invalidateQueries({ queryKey: ['effective-access'] });
    },
  });
  const options = subjectType === 'group'
    ? (groups.data?.data ?? []).map((group) => ({ value: String(group.id), label: group.name }))
    : (users.data?.data ?? []).map((user) => ({ value: user.id, label: user.email }));
  return (
    <form onSubmit={(event) => { event.preventDefault(); if (subject) grant.mutate(); }}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Grant to"
          data={[{ value: 'group', label: 'Group' }, { value: 'user', label: 'User' }]}
          value={subjectType}
          onChange={(value) => { setSubjectType(value === 'user' ? 'user' : 'group'); setSubject(null); }}
          allowDeselect={false}
          w={{ base: '100%', xs: 110 }}
        />
        <Select
          label={subjectType === 'group' ? 'Group' : 'User'}
          placeholder={subjectType === 'group' ? 'Choose a group' : 'Type an email or name'}
          data={options}
          value={subject}
          onChange={setSubject}
          searchable
          searchValue={subjectType === 'user' ? search : undefined}
          onSearchChange={subjectType === 'user' ? setSearch : undefined}
          filter={subjectType === 'user' ? ({ options: all }) => all : undefined}
          nothingFoundMessage="No match"
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label="Level"
          data={LEVEL_OPTIONS}
          value={level}
          onChange={(value) => setLevel((value ?? 'use') as AccessLevel)}
          allowDeselect={false}
          w={{ base: '100%', xs: 110 }}
        />
        <Button type="submit" disabled={!subject} loading={grant.isPending}>
          Grant
        </Button>
      </Group>
      {grant.isError && <ErrorAlert error={grant.error} title="Could not grant" />}
    </form>
  );
}
