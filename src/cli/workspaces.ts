import { runAudited } from '../core/audit.ts';
import type { WorkspaceSettings } from '../core/workspace.service.ts';
import type { WorkspaceFilter } from '../db/workspace.repository.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { printable } from './terminal-text.ts';

export interface WorkspaceCreateCommandOptions {
  name: string;
  domains?: string[];
  adminEmail?: string;
}

export interface WorkspaceListCommandOptions {
  status?: WorkspaceFilter['status'];
  name?: string;
  json?: boolean;
}

const PAGE_SIZE = 100;

/** `toolplane workspaces create`: creates the workspace (audited as `cli`) and prints its id alone, for scripts. */
export async function createWorkspace(runtime: Runtime, options: WorkspaceCreateCommandOptions): Promise<void> {
  const id = await runAudited({ actorType: 'cli' }, () =>
    runtime.services.workspaces.create(options.name, { domains: options.domains, adminEmail: options.adminEmail }));
  console.log(id);
}

/**
 * `toolplane workspaces list`: every workspace the filter admits, oldest first, as a table
 * (control characters in names shown as escapes) or as a JSON array (values exact).
 */
export async function listWorkspaces(runtime: Runtime, options: WorkspaceListCommandOptions): Promise<void> {
  const filter: WorkspaceFilter = { status: options.status, nameContains: options.name };
  const all: WorkspaceSettings[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await runtime.services.workspaces.list(filter, { page, pageSize: PAGE_SIZE });
    all.push(...items);
    if (items.length < PAGE_SIZE || all.length >= total) break;
  }
  console.log(options.json ? JSON.stringify(all, null, 2) : table(all));
}

function table(workspaces: WorkspaceSettings[]): string {
  if (workspaces.length === 0) return 'No workspaces.';
  const header = ['ID', 'NAME', 'STATUS', 'DOMAINS', 'CREATED'];
  const rows = workspaces.map((workspace) => [
    workspace.id, workspace.name, workspace.status, workspace.domains.join(',') || '-', workspace.createdAt,
  ].map(printable));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
