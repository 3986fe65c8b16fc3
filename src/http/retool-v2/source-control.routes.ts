import { Type } from 'typebox';
import { DomainError, conflict } from '../../core/errors.ts';
import { Envelope, ok } from './envelope.ts';
import { SEALED_PLACEHOLDER } from './resource-secrets.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';
import { splitAt, withPlaceholders } from './settings-secrets.ts';

/** The provider-specific fields Retool keeps encrypted, which Toolplane seals. */
const SECRET_PATHS = [
  'config.private_key', 'config.personal_access_token', 'config.project_access_token', 'config.access_key_id',
  'config.secret_access_key', 'config.https_password', 'config.app_password', 'config.token',
];

const ConfigBody = Type.Object({
  config: Type.Object({
    provider: Type.String({ enum: ['GitHub', 'GitLab', 'AWS CodeCommit', 'Bitbucket', 'Azure Repos'] }),
    org: Type.String({ maxLength: 255 }),
    repo: Type.String({ maxLength: 255 }),
    default_branch: Type.String({ maxLength: 255 }),
    repo_version: Type.Optional(Type.String({ maxLength: 50 })),
    config: Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 65_536 }), Type.Number(), Type.Boolean()])),
  }),
});

const ConfigAnswer = Envelope(Type.Object({
  provider: Type.String(),
  org: Type.String(),
  repo: Type.String(),
  default_branch: Type.String(),
  repo_version: Type.Optional(Type.String()),
  config: Type.Record(Type.String(), Type.Unknown()),
}));

const SETTINGS_DEFAULTS = {
  auto_branch_naming_enabled: false,
  custom_pull_request_template_enabled: false,
  custom_pull_request_template: '',
  version_control_locked: false,
  force_uuid_mapping: false,
  auto_cleanup_branches_enabled: false,
};

const SettingsFields = Type.Object({
  auto_branch_naming_enabled: Type.Optional(Type.Boolean()),
  custom_pull_request_template_enabled: Type.Optional(Type.Boolean()),
  custom_pull_request_template: Type.Optional(Type.String({ maxLength: 65_536 })),
  version_control_locked: Type.Optional(Type.Boolean()),
  force_uuid_mapping: Type.Optional(Type.Boolean()),
  auto_cleanup_branches_enabled: Type.Optional(Type.Boolean()),
});

const SettingsAnswer = Envelope(Type.Object({
  auto_branch_naming_enabled: Type.Boolean(),
  custom_pull_request_template_enabled: Type.Boolean(),
  custom_pull_request_template: Type.String(),
  version_control_locked: Type.Boolean(),
  force_uuid_mapping: Type.Boolean(),
  auto_cleanup_branches_enabled: Type.Boolean(),
}));

function notConfigured(): DomainError {
  return new DomainError('not_found', 'source_control_not_configured', 'Source control is not configured');
}

/**
 * Source control configuration and settings, kept for Retool's clients (Toolplane itself
 * syncs nothing to a repository). Secrets of the provider's configuration are sealed and
 * answered as Retool's placeholder.
 */
export function sourceControlRoutes(app: RetoolApp, { services: { retool, unitOfWork } }: RetoolContext): void {
  const present = (stored: { settings: Record<string, unknown>; secretNames: string[] }) =>
    withPlaceholders(stored.settings, stored.secretNames, SEALED_PLACEHOLDER) as never;

  app.get('/source_control/config', { config: { scope: 'apps:read' }, schema: { response: { 200: ConfigAnswer } } }, async (request) => {
    const stored = await retool.settings(request.actor, 'source_control_config');
    if (!stored) throw notConfigured();
    return ok(present(stored));
  });

  app.post('/source_control/config', { config: { scope: 'apps:write' }, schema: { body: ConfigBody, response: { 200: ConfigAnswer } } }, async (request) => {
    const split = splitAt(request.body.config, SECRET_PATHS, SEALED_PLACEHOLDER);
    // One transaction: when a configuration exists, the refusal rolls the replacement back.
    const { settings } = await unitOfWork.run(async () => {
      const result = await retool.putSettings(request.actor, 'source_control_config', split.settings, split.secrets, split.kept);
      if (!result.created) throw conflict('source_control_configured', 'Source control is already configured; PUT to replace it');
      return result;
    });
    return ok(present(settings));
  });

  // Retool answers 201 when this creates the configuration, 200 when it replaces one.
  app.put('/source_control/config', {
    config: { scope: 'apps:write' }, schema: { body: ConfigBody, response: { 200: ConfigAnswer, 201: ConfigAnswer } },
  }, async (request, reply) => {
    const split = splitAt(request.body.config, SECRET_PATHS, SEALED_PLACEHOLDER);
    const { settings, created } = await retool.putSettings(request.actor, 'source_control_config', split.settings, split.secrets, split.kept);
    reply.code(created ? 201 : 200);
    return ok(present(settings));
  });

  app.delete('/source_control/config', { config: { scope: 'apps:write' } }, async (request, reply) => {
    await retool.deleteSettings(request.actor, 'source_control_config');
    reply.code(204);
    return null;
  });

  app.get('/source_control/settings', { config: { scope: 'apps:read' }, schema: { response: { 200: SettingsAnswer } } }, async (request) =>
    ok({ ...SETTINGS_DEFAULTS, ...(await retool.settings(request.actor, 'source_control_settings'))?.settings }));

  // Settings left out keep their value.
  app.put('/source_control/settings', {
    config: { scope: 'apps:write' }, schema: { body: Type.Object({ settings: SettingsFields }), response: { 200: SettingsAnswer } },
  }, async (request) => {
    const current = (await retool.settings(request.actor, 'source_control_settings'))?.settings;
    const settings = { ...SETTINGS_DEFAULTS, ...current, ...request.body.settings };
    await retool.putSettings(request.actor, 'source_control_settings', settings, {});
    return ok(settings);
  });
}
