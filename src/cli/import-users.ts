import fs from 'node:fs';
import readline from 'node:readline';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import type { ImportOutcome, ImportRecord, ImportReport } from '../core/user-import.service.ts';
import type { Runtime } from '../runtime/runtime.ts';

export interface ImportCommandOptions {
  workspace?: string;
  dryRun?: boolean;
  invite?: boolean;
  report?: string;
}

interface ParsedFile {
  records: ImportRecord[];
  /** Lines that could not be read at all (bad JSON), reported as failed rows. */
  unreadable: ImportOutcome[];
}

/**
 * `toolplane users import <file>`: reads CSV (a header row, then one person a row) or JSON
 * lines (`.jsonl`/`.ndjson`, one object a line), imports through the core, shows progress on
 * a terminal, prints a summary and writes every row's outcome to a JSON-lines report (with
 * each invitation link that no mailer sent, since it cannot be shown again).
 * Returns the process exit code: 0 when every row went through, 2 when some failed.
 */
export async function importUsers(runtime: Runtime, file: string, options: ImportCommandOptions): Promise<number> {
  const { records, unreadable } = /\.(jsonl|ndjson)$/i.test(file) ? await readJsonLines(file) : await readCsv(file);
  const workspaceId = options.workspace ?? (await runtime.services.workspaces.ensureDefault());
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'importing [{bar}] {value}/{total} rows' }) : null;
  bar?.start(records.length, 0);
  const report = await runtime.services.userImports.run(workspaceId, records, {
    dryRun: options.dryRun,
    invite: options.invite,
    onProgress: (done) => bar?.update(done),
  });
  bar?.stop();
  const outcomes = [...report.outcomes, ...unreadable].sort((a, b) => a.line - b.line);
  const reportFile = options.report ?? `${file}.report.jsonl`;
  fs.writeFileSync(reportFile, outcomes.map((outcome) => JSON.stringify(outcome)).join('\n') + '\n');
  console.log(summary(report, unreadable.length, options.dryRun ?? false, reportFile));
  return report.failed + unreadable.length > 0 ? 2 : 0;
}

function summary(report: ImportReport, unreadable: number, dryRun: boolean, reportFile: string): string {
  const verb = dryRun ? 'would be ' : '';
  const failed = report.failed + unreadable;
  return [
    dryRun ? 'Dry run: nothing was changed.' : 'Import finished.',
    `  ${verb}created:   ${report.created}`,
    `  ${verb}invited:   ${report.invited}`,
    `  ${verb}updated:   ${report.updated}`,
    `  unchanged: ${report.unchanged}`,
    `  failed:    ${failed}${failed > 0 ? ' (reasons in the report)' : ''}`,
    `Report: ${reportFile}`,
  ].join('\n');
}

async function readCsv(file: string): Promise<ParsedFile> {
  const records: ImportRecord[] = [];
  const parser = fs.createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    records.push({ line: info.lines, fields: record });
  }
  return { records, unreadable: [] };
}

async function readJsonLines(file: string): Promise<ParsedFile> {
  const records: ImportRecord[] = [];
  const unreadable: ImportOutcome[] = [];
  let line = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    line += 1;
    if (!text.trim()) continue;
    try {
      const fields = JSON.parse(text) as unknown;
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new Error('not a JSON object');
      records.push({ line, fields: fields as Record<string, unknown> });
    } catch (error) {
      unreadable.push({ line, email: '', result: 'failed', reason: `unreadable line: ${(error as Error).message}` });
    }
  }
  return { records, unreadable };
}
