import type { Services } from '../../core/services.ts';
import type { Workflow as CoreWorkflow } from '../../core/workflow.service.ts';
import { NoContent, PageOf, PageQuery, errorResponses } from './common.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';
import { Workflow, WorkflowCreateBody, WorkflowIdParams, WorkflowUpdateBody } from './workflows.schemas.ts';

const tags = ['Workflows'];

function toNativeWorkflow(workflow: CoreWorkflow) {
  return { ...workflow, folderId: workflow.folderId ?? undefined };
}

export function workflowsRoutes(app: NativeApp, { workflows }: Services): void {
  app.get('/workflows', {
    config: { scope: 'workflows:read' },
    schema: {
      operationId: 'listWorkflows', summary: 'List Workflows', tags,
      querystring: PageQuery,
      response: { 200: PageOf(Workflow, 'Paginated list of workflows.'), ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await workflows.list(request.actor, page), page, toNativeWorkflow);
  });

  app.post('/workflows', {
    config: { scope: 'workflows:write', object: { type: 'workflow', creates: true, folderField: 'folderId' } },
    schema: {
      operationId: 'createWorkflow', summary: 'Create Workflow', tags,
      description: 'Creates a workflow. Its folder must be a workflow folder of the workspace.',
      body: WorkflowCreateBody,
      response: { 201: Workflow, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return toNativeWorkflow(await workflows.create(request.actor, request.body));
  });

  app.get('/workflows/:workflowId', {
    config: { scope: 'workflows:read' },
    schema: {
      operationId: 'getWorkflow', summary: 'Get Workflow', tags,
      params: WorkflowIdParams,
      response: { 200: Workflow, ...errorResponses(404) },
    },
  }, async (request) => toNativeWorkflow(await workflows.get(request.actor, request.params.workflowId)));

  app.patch('/workflows/:workflowId', {
    config: { scope: 'workflows:write', object: { type: 'workflow', param: 'workflowId', folderField: 'folderId' } },
    schema: {
      operationId: 'updateWorkflow', summary: 'Update Workflow', tags,
      params: WorkflowIdParams,
      body: WorkflowUpdateBody,
      response: { 200: Workflow, ...errorResponses(404, 409) },
    },
  }, async (request) => toNativeWorkflow(await workflows.update(request.actor, request.params.workflowId, request.body)));

  app.delete('/workflows/:workflowId', {
    config: { scope: 'workflows:write', object: { type: 'workflow', param: 'workflowId' } },
    schema: {
      operationId: 'deleteWorkflow', summary: 'Delete Workflow', tags,
      description: 'Deletes the workflow and every permission grant on it.',
      params: WorkflowIdParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await workflows.delete(request.actor, request.params.workflowId);
    reply.code(204);
    return null;
  });
}
