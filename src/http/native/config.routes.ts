import type { ConfigCodeEngine } from '../../config-code/engine.ts';
import type { LoadOptions, SourceFile } from '../../config-code/source.ts';
import { errorResponses } from './common.schemas.ts';
import { ConfigApplyBody, ConfigApplyResult, ConfigExport, ConfigExportQuery, ConfigPlan, ConfigPlanBody } from './config.schemas.ts';
import type { NativeApp } from './native-app.ts';

const tags = ['Configuration as code'];
/** A configuration describing ten thousand members is over a megabyte. */
const CONFIG_BODY_LIMIT = 64 * 1024 * 1024;

interface SourcesBody {
  files: Array<{ name: string; content: string }>;
  vars?: Record<string, string>;
  env?: Record<string, string>;
  referencedFiles?: Record<string, string>;
}

function sourcesOf(body: SourcesBody): [SourceFile[], LoadOptions] {
  return [body.files.map((file) => ({ name: file.name, text: file.content })), { vars: body.vars, env: body.env ?? {}, files: body.referencedFiles ?? {} }];
}

/**
 * `toolplane plan|apply|export --server`: the same engine as the CLI's local mode, over the
 * request's files, as the credential (its workspace, its scopes).
 */
export function configRoutes(app: NativeApp, engine: ConfigCodeEngine): void {
  app.post('/config/plan', {
    config: { scope: 'workspaces:read' },
    bodyLimit: CONFIG_BODY_LIMIT,
    schema: {
      operationId: 'planConfiguration', summary: 'Plan Configuration', tags,
      description: 'What applying the configuration would change, as `toolplane plan --json` prints it. Needs the read scopes of every section '
        + '(workspaces, environments, users, groups, folders); a credential of one workspace may describe only that one (403 `workspace_forbidden`). '
        + 'A file problem is a 400 `config_invalid` naming each problem\'s file, line and column.',
      body: ConfigPlanBody,
      response: { 200: ConfigPlan, ...errorResponses(413) },
    },
  }, async (request) => engine.planAs(request.actor, ...sourcesOf(request.body)));

  app.post('/config/apply', {
    config: { scope: 'workspaces:read' },
    bodyLimit: CONFIG_BODY_LIMIT,
    schema: {
      operationId: 'applyConfiguration', summary: 'Apply Configuration', tags,
      description: 'Applies the configuration in one transaction, all or nothing, if it still makes the plan reviewed (409 `config_state_changed` '
        + 'otherwise). Each change needs the write scope of its area, as the native API\'s route for it does (403 `missing_scope` naming it; '
        + 'nothing is applied). Every audit event of the apply carries its id as `requestId`.',
      body: ConfigApplyBody,
      response: { 200: ConfigApplyResult, ...errorResponses(409, 413) },
    },
  }, async (request) => {
    const { stateFingerprint, changesDigest } = request.body;
    const { applyId, plan, invites } = await engine.applyAs(request.actor, ...sourcesOf(request.body), { stateFingerprint, changesDigest });
    return { applyId, summary: plan.summary, invites };
  });

  app.get('/config/export', {
    config: { scope: 'workspaces:read' },
    schema: {
      operationId: 'exportConfiguration', summary: 'Export Configuration', tags,
      description: 'The current state as a configuration file, as `toolplane export` writes it. A credential of one workspace exports that one.',
      querystring: ConfigExportQuery,
      response: { 200: ConfigExport, ...errorResponses(404) },
    },
  }, async (request) => ({ content: await engine.exportAs(request.actor, request.query.workspace) }));
}
