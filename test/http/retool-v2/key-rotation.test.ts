import { afterAll, beforeAll, expect, it } from 'vitest';
import { valueContext } from '../../../src/core/configuration-variable.service.ts';
import { KeyRotationService } from '../../../src/core/key-rotation.service.ts';
import { settingsSecretContext } from '../../../src/core/retool-data.service.ts';
import { SecretBox, generateSecretKey, parseSecretKey } from '../../../src/core/secrets.ts';
import { Store } from '../../../src/db/store.ts';
import { Harness, TEST_SECRET_KEY } from '../../helpers/harness.ts';
import { v2 } from './client.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

it('re-seals secret configuration variables and Retool settings secrets under a new key', async () => {
  const environments = (await v2(h, 'GET', '/api/v2/environments')).json().data;
  await v2(h, 'POST', '/api/v2/configuration_variables', {
    body: { name: 'rotated', secret: true, values: [{ environment_id: environments[0].id, value: 'variable-secret' }] },
  });
  await v2(h, 'POST', '/api/v2/sso/config', {
    body: { data: { config_type: 'google', disable_email_password_login: false, google_client_id: 'id', google_client_secret: 'sso-secret' } },
  });
  const oldKey = parseSecretKey(TEST_SECRET_KEY);
  const newKey = generateSecretKey();
  const report = await new KeyRotationService(new Store(h.runtime.database), new SecretBox(newKey, [oldKey])).rotate();
  expect(report.resealed).toMatchObject({ configurationVariableValues: 1, retoolSettingsSecrets: 1 });

  const after = new SecretBox(newKey);
  const db = h.runtime.database.db;
  const value = await db.selectFrom('configuration_variable_values').select(['variable_id', 'environment_id', 'value']).executeTakeFirstOrThrow();
  expect(after.open(value.value, valueContext(value.variable_id, value.environment_id))).toBe('variable-secret');
  const settings = await db.selectFrom('retool_settings').select(['workspace_id', 'kind', 'secrets']).where('kind', '=', 'sso').executeTakeFirstOrThrow();
  const secrets = (typeof settings.secrets === 'string' ? JSON.parse(settings.secrets) : settings.secrets) as Record<string, string>;
  expect(after.open(secrets.google_client_secret!, settingsSecretContext(settings.workspace_id, 'sso', 'google_client_secret'))).toBe('sso-secret');
  expect(() => new SecretBox(oldKey).open(secrets.google_client_secret!, settingsSecretContext(settings.workspace_id, 'sso', 'google_client_secret'))).toThrow();
});
