import { Button, FileInput, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { setServerFieldError } from '../components/server-errors.ts';
import { type TreeFolder, folderPath } from './app-tree.ts';
import { readExportFile } from './export-file.ts';

/** Imports a ToolJet export file as a new app; the file is read and checked in the browser before it is sent. */
export function ImportModal({ folders, mayFill, onClose, onImported }: {
  folders: readonly TreeFolder[];
  mayFill: (folderId: string | null) => boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const navigate = useNavigate();
  const form = useForm<{ file: File | null; appName: string; folderId: string }>({
    initialValues: { file: null, appName: '', folderId: '' },
    validate: {
      file: (value) => (value ? null : 'Choose an export file'),
      appName: (value) => (value.trim().length > 255 ? 'At most 255 characters' : null),
    },
  });
  const upload = useMutation({
    mutationFn: async ({ file, appName, folderId }: { file: File; appName: string; folderId: string }) => {
      const read = readExportFile(await file.text());
      if ('error' in read) throw new Error(read.error);
      return call(api.POST('/apps/import', {
        body: { ...read.file, ...(appName.trim() ? { appName: appName.trim() } : {}), ...(folderId ? { folderId } : {}) },
      }));
    },
    onSuccess: (app) => {
      onImported();
      onClose();
      navigate(`/apps/${app.id}`);
    },
    onError: (error) => setServerFieldError(form, error),
  });
  return (
    <Modal opened onClose={onClose} title="Import an app">
      <form onSubmit={form.onSubmit((values) => upload.mutate({ file: values.file!, appName: values.appName, folderId: values.folderId }))} noValidate>
        <Stack>
          <FileInput label="ToolJet export file" accept="application/json,.json" placeholder="Choose a .json file" clearable clearButtonProps={{ 'aria-label': 'Clear the file' }} {...form.getInputProps('file')} />
          <TextInput label="Name" description="Leave empty to keep the name in the file" {...form.getInputProps('appName')} />
          <NativeSelect
            label="In"
            data={[
              ...(mayFill(null) ? [{ value: '', label: 'Top level' }] : []),
              ...folders.filter((folder) => mayFill(folder.id)).map((folder) => ({ value: folder.id, label: folderPath(folders, folder.id) })),
            ]}
            {...form.getInputProps('folderId')}
          />
          {upload.isError && !form.errors.appName && !form.errors.folderId && <ErrorAlert error={upload.error} title="Could not import" />}
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
