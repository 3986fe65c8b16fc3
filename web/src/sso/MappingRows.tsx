import { ActionIcon, Anchor, Button, Group, MultiSelect, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import type { SsoFormValues } from './sso-form.ts';

type Form = UseFormReturnType<SsoFormValues>;

function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" size="lg" mt={2} aria-label={label} onClick={onClick}>
      <span aria-hidden="true">×</span>
    </ActionIcon>
  );
}

/** Where a picker's choices come from is missing: say so, and where to make them. */
function NoneYet({ what, path }: { what: string; path: string }) {
  return (
    <Text size="sm" c="dimmed">
      The workspace has no {what} yet: <Anchor component={Link} to={path}>define them first</Anchor>.
    </Text>
  );
}

/** Claim value → the workspace groups it puts a person in, picked from the workspace's groups. */
export function GroupMappingRows({ form }: { form: Form }) {
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => call(api.GET('/groups')) });
  const names = (groups.data?.data ?? []).map((group) => group.name);
  // A mapping may name a group deleted since; it stays visible so it can be removed.
  const choices = [...new Set([...names, ...form.values.groupRows.flatMap((row) => row.groups)])];
  return (
    <Stack gap="xs" role="group" aria-label="Group mappings">
      <Text size="sm" fw={500}>Group mappings</Text>
      <Text size="xs" c="dimmed">
        Each sign-in adds the groups the person&apos;s claim values map to and removes the mapped groups they no longer reach.
        Groups no mapping names are left alone.
      </Text>
      {groups.isError && <ErrorAlert error={groups.error} title="Could not load the groups" />}
      {groups.isSuccess && names.length === 0 && <NoneYet what="groups" path="/groups" />}
      {form.values.groupRows.map((_row, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput aria-label={`Claim value ${index + 1}`} placeholder="claim value" style={{ flex: 1, minWidth: 0 }} {...form.getInputProps(`groupRows.${index}.claim`)} />
          <MultiSelect
            aria-label={`Groups for claim value ${index + 1}`}
            placeholder="groups"
            data={choices}
            searchable
            style={{ flex: 2, minWidth: 0 }}
            {...form.getInputProps(`groupRows.${index}.groups`)}
          />
          <RemoveRow label={`Remove group mapping ${index + 1}`} onClick={() => form.removeListItem('groupRows', index)} />
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => form.insertListItem('groupRows', { claim: '', groups: [] })}>
          Add a group mapping
        </Button>
      </Group>
    </Stack>
  );
}

/** Claim → the user attribute it fills, picked from the workspace's attribute definitions. */
export function AttributeMappingRows({ form }: { form: Form }) {
  const attributes = useQuery({ queryKey: ['userAttributes'], queryFn: () => call(api.GET('/userAttributes')) });
  const defined = (attributes.data?.data ?? []).map((attribute) => ({ value: attribute.name, label: attribute.label ? `${attribute.label} (${attribute.name})` : attribute.name }));
  const missing = form.values.attributeRows.map((row) => row.attribute).filter((name) => name && !defined.some((choice) => choice.value === name));
  const choices = [{ value: '', label: 'Choose an attribute' }, ...defined, ...[...new Set(missing)].map((name) => ({ value: name, label: name }))];
  return (
    <Stack gap="xs" role="group" aria-label="Attribute mappings">
      <Text size="sm" fw={500}>Attribute mappings</Text>
      <Text size="xs" c="dimmed">Each sign-in sets the attribute from the claim; an absent claim removes the value.</Text>
      {attributes.isError && <ErrorAlert error={attributes.error} title="Could not load the attributes" />}
      {attributes.isSuccess && defined.length === 0 && <NoneYet what="user attributes" path="/attributes" />}
      {form.values.attributeRows.map((_row, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput aria-label={`Claim ${index + 1}`} placeholder="claim" style={{ flex: 1, minWidth: 0 }} {...form.getInputProps(`attributeRows.${index}.claim`)} />
          <NativeSelect aria-label={`Attribute for claim ${index + 1}`} data={choices} style={{ flex: 1, minWidth: 0 }} {...form.getInputProps(`attributeRows.${index}.attribute`)} />
          <RemoveRow label={`Remove attribute mapping ${index + 1}`} onClick={() => form.removeListItem('attributeRows', index)} />
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => form.insertListItem('attributeRows', { claim: '', attribute: '' })}>
          Add an attribute mapping
        </Button>
      </Group>
    </Stack>
  );
}
