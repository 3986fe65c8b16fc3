import { Alert, Button, FileButton, Group, Modal, NativeSelect, Progress, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, call } from '../api/client.ts';
import type { Role } from '../api/role.ts';
import { type InviteRow, parseInvitees } from './invite-rows.ts';
import { ROLE_LABELS } from './roles.ts';

/** Invites sent per request: the API takes up to 1,000, smaller batches move the progress bar. */
const BATCH = 50;

interface RowResult {
  row: InviteRow;
  ok: boolean;
  message: string;
}

/**
 * Invites one person or many: a pasted list or a CSV file (an `email` column, optionally a
 * `role` one), sent in batches with a progress bar; each row's result is shown, refusals with
 * the server's message and field.
 */
export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'paste' | 'csv'>('paste');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('end-user');
  const [sent, setSent] = useState(0);
  const [sending, setSending] = useState(false);
  const [results, setResults] = useState<RowResult[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const rows = parseInvitees(text, role);

  const reset = () => {
    setText('');
    setFileName(null);
    setResults(null);
    setSent(0);
    setFormError(null);
  };

  const send = async () => {
    if (rows.length === 0) {
      setFormError(source === 'paste' ? 'Enter at least one email address' : 'Choose a CSV file with an email column');
      return;
    }
    setFormError(null);
    setSending(true);
    setSent(0);
    const done: RowResult[] = rows.filter((row) => row.problem).map((row) => ({ row, ok: false, message: row.problem! }));
    const valid = rows.filter((row) => !row.problem);
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      try {
        const answer = await call(api.POST('/invites', { body: batch.map(({ email, role: itemRole }) => ({ email, role: itemRole })) }));
        const items = 'data' in answer ? answer.data : [];
        for (const item of items) {
          const row = batch[item.index]!;
          const error = item.error;
          done.push({ row, ok: !error, message: error ? `${error.message}${error.field ? ` (field: ${error.field})` : ''}` : 'Invited' });
        }
      } catch (error) {
        const message = error instanceof ApiError ? error.message : 'The request failed';
        for (const row of batch) done.push({ row, ok: false, message });
      }
      setSent(Math.min(valid.length, start + BATCH));
    }
    done.sort((a, b) => a.row.line - b.row.line);
    setResults(done);
    setSending(false);
    void queryClient.invalidateQueries({ queryKey: ['invites'] });
  };

  const invited = results?.filter((result) => result.ok).length ?? 0;
  return (
    <Modal opened={opened} onClose={() => { reset(); onClose(); }} title="Invite people" size="min(720px, calc(100vw - 2rem))">
      {results ? (
        <Stack>
          <Alert color={invited === results.length ? 'green' : 'yellow'} role="status" title={`${invited} of ${results.length} invited`}>
            Each invitee gets an email with a link to join.
          </Alert>
          <Table.ScrollContainer minWidth={420} mah={360}>
            <Table fz="sm" verticalSpacing={4} aria-label="Invite results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Result</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.map((result) => (
                  <Table.Tr key={`${result.row.line}-${result.row.email}`}>
                    <Table.Td>{result.row.line}</Table.Td>
                    <Table.Td>{result.row.email}</Table.Td>
                    <Table.Td c={result.ok ? undefined : 'red.9'}>{result.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              Invite more
            </Button>
            <Button onClick={() => { reset(); onClose(); }}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <SegmentedControl
            value={source}
            onChange={(value) => { setSource(value as 'paste' | 'csv'); setText(''); setFileName(null); }}
            data={[{ value: 'paste', label: 'Paste emails' }, { value: 'csv', label: 'Upload a CSV file' }]}
          />
          {source === 'paste' ? (
            <Textarea
              label="Email addresses"
              description="One a line, or separated by commas."
              autosize
              minRows={4}
              maxRows={10}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={formError}
            />
          ) : (
            <Stack gap={4}>
              <Text size="sm">A CSV file with an <code>email</code> column and, optionally, a <code>role</code> column.</Text>
              <Group>
                <FileButton accept=".csv,text/csv" onChange={(file) => {
                  if (!file) return;
                  setFileName(file.name);
                  void file.text().then(setText);
                }}>
                  {(props) => <Button variant="default" {...props}>Choose a CSV file</Button>}
                </FileButton>
                <Text size="sm">{fileName ? `${fileName}: ${rows.length} rows` : 'No file chosen'}</Text>
              </Group>
              {formError && <Text size="sm" c="red.9" role="alert">{formError}</Text>}
            </Stack>
          )}
          <NativeSelect
            label={source === 'csv' ? 'Role for rows without one' : 'Role'}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={(Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }))}
          />
          {sending && <Progress value={(sent / Math.max(1, rows.filter((row) => !row.problem).length)) * 100} aria-label="Invites sent" animated />}
          <Group justify="flex-end">
            <Button onClick={() => void send()} loading={sending}>
              {rows.length > 1 ? `Invite ${rows.length} people` : 'Invite'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
