import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { Workflow } from '../../core/workflow.service.ts';
import { Envelope, ListEnvelope, Nullable, ok, wholeList } from './envelope.ts';
import type { FolderIds } from './folders.mapper.ts';
import { readAll } from './paging.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const RetoolWorkflow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  crontab: Nullable(Type.String()),
  timezone: Nullable(Type.String()),
  is_enabled: Type.Boolean(),
  folder_id: Type.String(),
  protected: Type.Boolean(),
  created_by: Nullable(Type.Number()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

const WorkflowParams = Type.Object({ workflowId: Type.String({ format: 'uuid' }) });

/**
 * Retool's workflow over Toolplane's, which names and files workflows but runs none: no
 * schedule (`crontab` and `timezone` null), never enabled, no source-control protection, no
 * recorded creator. An empty description answers null; `folder_id` is the workflow's folder
 * or the workflow root.
 */
async function presentWorkflows(ids: FolderIds, actor: Actor, workflows: readonly Workflow[]) {
  const places = await ids.placesOf(actor, 'workflow', workflows.map((workflow) => workflow.folderId));
  return workflows.map((workflow, index) => ({
    id: workflow.id,
    name: workflow.name,
    description: workflow.description === '' ? null : workflow.description,
    crontab: null,
    timezone: null,
    is_enabled: false,
    folder_id: places[index]!,
    protected: false,
    created_by: null,
    created_at: workflow.createdAt,
    updated_at: workflow.updatedAt,
  }));
}

export function workflowsRoutes(app: RetoolApp, { services }: RetoolContext, ids: FolderIds): void {
  const { workflows } = services;

  app.get('/workflows', { config: { scope: 'workflows:read' }, schema: { response: { 200: ListEnvelope(RetoolWorkflow) } } }, async (request) => {
    const all = await readAll((page) => workflows.list(request.actor, page));
    return wholeList(await presentWorkflows(ids, request.actor, all));
  });

  app.get('/workflows/:workflowId', {
    config: { scope: 'workflows:read' }, schema: { params: WorkflowParams, response: { 200: Envelope(RetoolWorkflow) } },
  }, async (request) => {
    const [presented] = await presentWorkflows(ids, request.actor, [await workflows.get(request.actor, request.params.workflowId)]);
    return ok(presented!);
  });
}
