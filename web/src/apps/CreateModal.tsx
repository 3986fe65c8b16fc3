import { Button, Group, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { type TreeFolder, folderPath } from './app-tree.ts';

const TOP = '';

/** Creates an app or an app folder, at the top level or in a folder the person may fill. */
export function CreateModal({ kind, folders, mayFill, onClose, onCreated }: {
  kind: 'app' | 'folder';
  folders: readonly TreeFolder[];
  mayFill: (folderId: string | null) => boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', description: '', parent: TOP },
    validate: {
      name: (value) => (value.trim() ? (value.trim().length > 255 ? 'At most 255 characters' : null) : 'Enter a name'),
      description: (value) => (value.length > 10_000 ? 'At most 10,000 characters' : null),
    },
  });
  const create = useMutation({
    mutationFn: async ({ name, description, parent }: typeof form.values) => {
      if (kind === 'folder') {
        await call(api.POST('/folders', { body: { name: name.trim(), folderType: 'app', ...(parent ? { parentFolderId: parent } : {}) } }));
        return null;
      }
      return call(api.POST('/apps', { body: { name: name.trim(), description, ...(parent ? { folderId: parent } : {}) } }));
    },
    onSuccess: (app) => {
      onCreated();
      onClose();
      if (app) navigate(`/apps/${app.id}`);
    },
    onError: (error) => {
      if (error instanceof Error && 'field' in error && (error.field === 'parentFolderId' || error.field === 'folderId')) {
        form.setFieldError('parent', error.message);
      } else setServerFieldError(form, error);
    },
  });
  const places = [
    ...(mayFill(null) ? [{ value: TOP, label: 'Top level' }] : []),
    ...folders.filter((folder) => mayFill(folder.id)).map((folder) => ({ value: folder.id, label: folderPath(folders, folder.id) })),
  ];
  return (
    <Modal opened onClose={onClose} title={kind === 'app' ? 'New app' : 'New folder'}>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          {kind === 'app' && <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />}
          <NativeSelect label="In" data={places} {...form.getInputProps('parent')} />
          {create.isError && !form.errors.name && !form.errors.parent && <ErrorAlert error={create.error} title="Could not create" />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {kind === 'app' ? 'Create app' : 'Create folder'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
