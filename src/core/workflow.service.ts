import { randomUUID } from 'node:crypto';
import { toIso } from '../db/rows.ts';
import type { WorkflowRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { type DomainError, conflict, notFound } from './errors.ts';
import { requireFolder } from './folder.service.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { writeUnique } from './unique.ts';
import { grantCreatorOwnership } from './creator-grants.ts';

export interface Workflow {
  id: string;
  name: string;
  description: string;
  folderId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowCreateInput {
  name: string;
  description?: string;
  folderId?: string | null;
}

/** Fields left out keep their value; `folderId: null` moves the workflow to the top level. */
export type WorkflowUpdateInput = Partial<WorkflowCreateInput>;

/** Workflows: named per workspace (unique), optionally in a workflow folder. */
export class WorkflowService {
  constructor(private readonly store: Store) {}

  list(actor: Actor, request: PageRequest): Promise<Page<Workflow>> {
    return this.store.read(async (repos) => {
      const [rows, total] = await Promise.all([
        repos.workflows.list(actor.workspaceId, offsetOf(request), request.pageSize),
        repos.workflows.count(actor.workspaceId),
      ]);
      return { items: rows.map(toWorkflow), total };
    });
  }

  get(actor: Actor, workflowId: string): Promise<Workflow> {
    return this.store.read(async (repos) => toWorkflow(await loadWorkflow(repos, actor.workspaceId, workflowId)));
  }

  /** The folder must be a workflow folder of the workspace (400); the name must be free (409 `workflow_name_taken`). */
  create(actor: Actor, input: WorkflowCreateInput): Promise<Workflow> {
    return writeUnique(this.store, async (repos) => {
      if (input.folderId) await requireFolder(repos, actor.workspaceId, input.folderId, 'workflow', 'folderId');
      const id = randomUUID();
      const at = new Date().toISOString();
      const row = {
        id, workspace_id: actor.workspaceId, name: input.name, description: input.description ?? '',
        folder_id: input.folderId ?? null, created_at: at, updated_at: at,
      };
      await repos.workflows.create(row);
      await grantCreatorOwnership(repos, actor, { type: 'workflow', id }, at);
      await recordAudit(repos, {
        action: 'workflow.created', target: { type: 'workflow', id }, workspaceId: actor.workspaceId,
        changes: { name: row.name, description: row.description, folderId: row.folder_id },
      });
      return toWorkflow(await loadWorkflow(repos, actor.workspaceId, id));
    }, () => nameTaken(input.name ?? ''));
  }

  update(actor: Actor, workflowId: string, input: WorkflowUpdateInput): Promise<Workflow> {
    return writeUnique(this.store, async (repos) => {
      await loadWorkflow(repos, actor.workspaceId, workflowId, 'update');
      if (input.folderId) await requireFolder(repos, actor.workspaceId, input.folderId, 'workflow', 'folderId');
      await repos.workflows.update(workflowId, {
        name: input.name, description: input.description, folder_id: input.folderId, updated_at: new Date().toISOString(),
      });
      const changes = { name: input.name, description: input.description, folderId: input.folderId };
      await recordAudit(repos, {
        action: 'workflow.updated', target: { type: 'workflow', id: workflowId }, workspaceId: actor.workspaceId,
        changes: Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      });
      return toWorkflow(await loadWorkflow(repos, actor.workspaceId, workflowId));
    }, () => nameTaken(input.name ?? ''));
  }

  /** Deletes the workflow and every grant on it. */
  delete(actor: Actor, workflowId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await loadWorkflow(repos, actor.workspaceId, workflowId, 'update');
      await repos.workflows.delete(workflowId);
      await recordAudit(repos, { action: 'workflow.deleted', target: { type: 'workflow', id: workflowId }, workspaceId: actor.workspaceId });
    });
  }
}

function nameTaken(name: string): DomainError {
  return conflict('workflow_name_taken', `A workflow named "${name}" already exists`, 'name');
}

async function loadWorkflow(repos: Repositories, workspaceId: string, workflowId: string, lock?: 'update'): Promise<WorkflowRow> {
  const row = await repos.workflows.get(workspaceId, workflowId, lock);
  if (!row) throw notFound('workflow', workflowId);
  return row;
}

function toWorkflow(row: WorkflowRow): Workflow {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    folderId: row.folder_id,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
