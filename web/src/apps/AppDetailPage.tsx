import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Section } from '../account/Section.tsx';
import { api, call } from '../api/client.ts';
import { useObjectRights } from '../api/object-access.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { formatTime } from '../components/format.ts';
import { folderPath } from './app-tree.ts';
import { APPS_KEY, useAppTree } from './apps-data.ts';
import { exportFileName } from './export-file.ts';

/** Saves a JSON document as a file the browser downloads. */
function download(document: unknown, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
  const link = Object.assign(window.document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** One app: its folder, description and versions; export as a ToolJet file (one version or all); delete. */
export default function AppDetailPage() {
  const appId = useParams().appId!;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rights = useObjectRights('app').of(appId);
  const tree = useAppTree();
  const app = useQuery({ queryKey: [...APPS_KEY, appId], queryFn: () => call(api.GET('/apps/{appId}', { params: { path: { appId } } })) });
  const versions = useQuery({
    queryKey: [...APPS_KEY, appId, 'versions'],
    queryFn: () => call(api.GET('/apps/{appId}/versions', { params: { path: { appId } } })),
  });
  const exporting = useMutation({
    mutationFn: (query: { appVersion?: string; allVersions?: boolean }) =>
      call(api.POST('/apps/{appId}/export', { params: { path: { appId }, query } })),
    onSuccess: (file, query) => download(file, exportFileName(`${app.data?.name ?? 'app'}${query.appVersion ? `-${query.appVersion}` : ''}`)),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not export', message: error.message }),
  });
  const destroy = useMutation({
    mutationFn: () => call(api.DELETE('/apps/{appId}', { params: { path: { appId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: APPS_KEY });
      navigate('/apps');
    },
  });
  const folders = tree.data?.folders ?? [];
  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/apps" size="sm">
        ← Apps
      </Anchor>
      <QueryView query={app}>
        {(found) => (
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {found.name}
              </Title>
              <Group gap="xs">
                <Button variant="default" loading={exporting.isPending} onClick={() => exporting.mutate({ allVersions: true })}>
                  Export all versions
                </Button>
                {rights.remove && (
                  <ConfirmButton title={`Delete ${found.name}?`} message="The app and all its versions are deleted." onConfirm={() => destroy.mutate()}>
                    Delete app
                  </ConfirmButton>
                )}
              </Group>
            </Group>
            {destroy.isError && <ErrorAlert error={destroy.error} title="Could not delete" />}
            <Text size="sm">{found.description || <Text span c="dimmed" size="sm">No description.</Text>}</Text>
            <Text size="sm" c="dimmed">
              {`In ${found.folderId ? folderPath(folders, found.folderId) || 'a folder' : 'the top level'} · created by ${found.createdBy} on ${formatTime(found.createdAt)}`}
            </Text>
            <Section title="Versions">
              <QueryView query={versions} isEmpty={(answer) => answer.data.length === 0} empty="This app has no versions.">
                {(answer) => (
                  <Table verticalSpacing={4} fz="sm" aria-label="Versions">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Version</Table.Th>
                        <Table.Th visibleFrom="xs">Created</Table.Th>
                        <Table.Th ta="right">Export</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {answer.data.map((version) => (
                        <Table.Tr key={version.id}>
                          <Table.Td>{version.name}</Table.Td>
                          <Table.Td visibleFrom="xs">{formatTime(version.createdAt)}</Table.Td>
                          <Table.Td ta="right">
                            <Button size="xs" variant="default" aria-label={`Export ${version.name}`} onClick={() => exporting.mutate({ appVersion: version.name })}>
                              Export
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </QueryView>
            </Section>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
