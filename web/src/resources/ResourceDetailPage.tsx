import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Section } from '../account/Section.tsx';
import { api, call } from '../api/client.ts';
import { useObjectRights } from '../api/object-access.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NameModal } from '../components/NameModal.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { ConfigurationsSection } from './ConfigurationsSection.tsx';
import { OptionsForm } from './OptionsForm.tsx';
import { RESOURCES_KEY } from './ResourcesPage.tsx';
import { SecretsSection } from './SecretsSection.tsx';

type ResourceUpdate = { name?: string; options?: Record<string, unknown>; secrets?: Record<string, string | null> };

/** One resource: rename, options, write-only secrets, per-environment configurations; delete. */
export default function ResourceDetailPage() {
  const resourceId = useParams().resourceId!;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rights = useObjectRights('resource').of(resourceId);
  const [renaming, setRenaming] = useState(false);
  const key = [...RESOURCES_KEY, resourceId];
  const resource = useQuery({ queryKey: key, queryFn: () => call(api.GET('/resources/{resourceId}', { params: { path: { resourceId } } })) });
  const update = async (body: ResourceUpdate) => {
    await call(api.PUT('/resources/{resourceId}', { params: { path: { resourceId } }, body }));
    await queryClient.invalidateQueries({ queryKey: RESOURCES_KEY });
  };
  const rename = useMutation({ mutationFn: (name: string) => update({ name }) });
  const destroy = useMutation({
    mutationFn: () => call(api.DELETE('/resources/{resourceId}', { params: { path: { resourceId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RESOURCES_KEY });
      navigate('/resources');
    },
  });
  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/resources" size="sm">
        ← Resources
      </Anchor>
      <QueryView query={resource}>
        {(found) => (
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
                {found.name}
              </Title>
              <Group gap="xs">
                {rights.edit && (
                  <Button variant="default" onClick={() => setRenaming(true)}>
                    Rename
                  </Button>
                )}
                {rights.remove && (
                  <ConfirmButton title={`Delete ${found.name}?`} message="Its options, secrets and configurations in every environment are deleted." onConfirm={() => destroy.mutate()}>
                    Delete resource
                  </ConfirmButton>
                )}
              </Group>
            </Group>
            {destroy.isError && <ErrorAlert error={destroy.error} title="Could not delete" />}
            <Text size="sm" c="dimmed">{`${found.displayName} (${found.type})`}</Text>
            {renaming && <NameModal opened onClose={() => setRenaming(false)} title={`Rename ${found.name}`} initial={found.name} submitLabel="Rename" mutation={rename} />}
            <Section title="Options">
              <OptionsForm key={found.updatedAt} options={found.options} editable={rights.edit} save={(options) => update({ options })} />
            </Section>
            <Section title="Secrets">
              <SecretsSection names={found.secretNames} editable={rights.edit} save={(secrets) => update({ secrets })} />
            </Section>
            <Section title="Environments">
              <ConfigurationsSection resourceId={resourceId} editable={rights.edit} />
            </Section>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
