import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { OptionsForm } from './OptionsForm.tsx';
import { RESOURCES_KEY } from './ResourcesPage.tsx';
import { SecretsSection } from './SecretsSection.tsx';

/**
 * The resource in each environment: whether the environment has its own configuration, its
 * options merged over the resource's, and where each secret comes from. Who may edit the
 * resource sets an environment's own options and secrets, or removes them all.
 */
export function ConfigurationsSection({ resourceId, editable }: { resourceId: string; editable: boolean }) {
  const queryClient = useQueryClient();
  const key = [...RESOURCES_KEY, resourceId, 'configurations'];
  const [open, setOpen] = useState<string | null>(null);
  const configurations = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/resources/{resourceId}/configurations', { params: { path: { resourceId } } })),
  });
  const put = async (environmentId: string, body: { options?: Record<string, unknown>; secrets?: Record<string, string | null> }) => {
    await call(api.PUT('/resources/{resourceId}/configurations/{environmentId}', { params: { path: { resourceId, environmentId } }, body }));
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const reset = useMutation({
    mutationFn: (environmentId: string) =>
      call(api.DELETE('/resources/{resourceId}/configurations/{environmentId}', { params: { path: { resourceId, environmentId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove the configuration', message: error.message }),
  });
  return (
    <QueryView query={configurations} isEmpty={(answer) => answer.data.length === 0} empty="The workspace has no environments.">
      {(answer) => {
        const current = answer.data.find((configuration) => configuration.environmentId === open);
        return (
          <>
            <Table verticalSpacing={4} fz="sm" aria-label="Configurations by environment">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Environment</Table.Th>
                  <Table.Th visibleFrom="sm">Secrets</Table.Th>
                  <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.data.map((configuration) => (
                  <Table.Tr key={configuration.environmentId}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{configuration.environmentName}</Text>
                      {configuration.hasOwnConfiguration ? (
                        <Text size="xs" fw={700}>own configuration</Text>
                      ) : (
                        <Text size="xs" c="dimmed">uses the resource's</Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="sm" style={{ overflowWrap: 'anywhere' }}>{configuration.secretNames.join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <Button size="xs" variant="default" aria-label={`${editable ? 'Configure' : 'View'} ${configuration.environmentName}`} onClick={() => setOpen(configuration.environmentId)}>
                          {editable ? 'Configure' : 'View'}
                        </Button>
                        {editable && configuration.hasOwnConfiguration && (
                          <ConfirmButton
                            size="xs"
                            aria-label={`Reset ${configuration.environmentName}`}
                            title={`Reset ${configuration.environmentName}?`}
                            message="Its own options and secrets are deleted; the resource's apply there again."
                            onConfirm={() => reset.mutate(configuration.environmentId)}
                          >
                            Reset
                          </ConfirmButton>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {current && (
              <Modal opened onClose={() => setOpen(null)} title={`In ${current.environmentName}`} size="lg">
                <Stack>
                  <Text size="sm" c="dimmed">
                    Options set here are merged over the resource's own; secrets set here replace the resource's of the same name.
                  </Text>
                  <Title order={3} size="h5">Options of this environment</Title>
                  <OptionsForm
                    key={current.updatedAt ?? 'none'}
                    label="Environment options"
                    options={current.environmentOptions}
                    editable={editable}
                    save={(options) => put(current.environmentId, { options })}
                  />
                  <Text size="sm">
                    <Text span fw={600} size="sm">In effect: </Text>
                    {Object.entries(current.options).map(([name, value]) => `${name} = ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ') || 'no options'}
                  </Text>
                  <Title order={3} size="h5">Secrets</Title>
                  <SecretsSection
                    names={current.secretNames}
                    sources={current.secretSources}
                    editable={editable}
                    save={(secrets) => put(current.environmentId, { secrets })}
                  />
                </Stack>
              </Modal>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
