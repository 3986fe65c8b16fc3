import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../api/client.ts';
import { ROLE_LABELS } from './roles.ts';
import type { UserFilters } from './user-filters.ts';

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = [{ value: 'active', label: 'Active' }, { value: 'disabled', label: 'Disabled' }];

interface Props {
  filters: UserFilters;
  onChange: (filters: UserFilters) => void;
}

/** The search box (sent 300 ms after the last keystroke) and the role, status and group filters. */
export function UserFiltersBar({ filters, onChange }: Props) {
  const [text, setText] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => call(api.GET('/groups')) });
  useEffect(() => {
    if (debounced !== (filters.q ?? '')) onChange({ ...filters, q: debounced || undefined });
    // Runs for a settled search text only; the other filters apply at once through onChange.
  }, [debounced]);
  const groupOptions = (groups.data?.data ?? []).map((group) => ({ value: String(group.id), label: group.name }));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Email or name starts with…"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        maxLength={320}
        type="search"
        w={{ base: '100%', sm: 280 }}
      />
      <Select
        label="Role"
        placeholder="Any role"
        data={ROLE_OPTIONS}
        value={filters.role ?? null}
        onChange={(value) => onChange({ ...filters, role: (value ?? undefined) as UserFilters['role'] })}
        clearable
        w={{ base: '100%', xs: 150 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={filters.status ?? null}
        onChange={(value) => onChange({ ...filters, status: (value ?? undefined) as UserFilters['status'] })}
        clearable
        w={{ base: '100%', xs: 150 }}
      />
      <Select
        label="Group"
        placeholder={groups.isError ? 'Groups could not load' : 'Any group'}
        data={groupOptions}
        value={filters.groupId ? String(filters.groupId) : null}
        onChange={(value) => onChange({ ...filters, groupId: value ? Number(value) : undefined })}
        clearable
        searchable
        nothingFoundMessage="No such group"
        w={{ base: '100%', xs: 200 }}
      />
    </Group>
  );
}
