import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Runtime } from '../runtime/runtime.ts';

export interface AuditExportOptions {
  since: string;
  until?: string;
  workspace?: string;
  /** A file to write; stdout when absent. */
  output?: string;
}

/**
 * `toolplane audit export`: writes the matching audit events as JSON lines, oldest first,
 * one event a line in the API's shape. Events are read a page at a time and written as
 * they come, waiting whenever the output is full, so memory stays flat however long the
 * log. Returns the number of events written.
 */
export async function exportAudit(runtime: Runtime, options: AuditExportOptions): Promise<number> {
  const events = runtime.services.auditLog.export({ since: options.since, until: options.until, workspaceId: options.workspace });
  const output: Writable = options.output ? fs.createWriteStream(options.output) : process.stdout;
  let count = 0;
  try {
    for await (const event of events) {
      if (!output.write(`${JSON.stringify(event)}\n`)) await once(output, 'drain');
      count += 1;
    }
  } finally {
    if (output !== process.stdout) {
      output.end();
      await once(output, 'finish');
    }
  }
  return count;
}
