import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealContext } from '../../src/core/idempotency.service.ts';
import { KEY_CHECK_SETTING, opensKeyCheck } from '../../src/core/key-check.ts';
import { KeyRotationService } from '../../src/core/key-rotation.service.ts';
import { ResourceConfigurationService, configurationSecretContext } from '../../src/core/resource-configuration.service.ts';
import { ResourceService, secretContext } from '../../src/core/resource.service.ts';
import { SecretBox, generateSecretKey, parseSecretKey } from '../../src/core/secrets.ts';
import { ssoSecretContext } from '../../src/core/sso-configuration.service.ts';
import { totpSecretContext } from '../../src/core/two-factor.service.ts';
import { Store } from '../../src/db/store.ts';
import { Harness, TEST_SECRET_KEY } from '../helpers/harness.ts';
import { legacySeal } from '../helpers/legacy-seal.ts';

let h: Harness;
let store: Store;
const oldKey = parseSecretKey(TEST_SECRET_KEY);
const newKey = generateSecretKey();
const during = new SecretBox(newKey, [oldKey]);
const after = new SecretBox(newKey);
const before = new SecretBox(oldKey);

const resourceIds: string[] = [];
/** Accounts' TOTP secrets (base32) by account id, sealed while enrolling. */
const totpSecrets = new Map<string, string>();
/** Single sign-on client secrets by workspace id. */
const ssoSecrets = new Map<string, string>();
let stagingId: string;


const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, string>;

/** Every sealed value as stored, with the context it was sealed in. */
async function sealedValues(): Promise<Array<{ envelope: string; context: string }>> {
  const db = h.runtime.database.db;
  const values: Array<{ envelope: string; context: string }> = [];
  for (const row of await db.selectFrom('resources').select(['id', 'secrets']).execute()) {
    for (const [name, envelope] of Object.entries(parse(row.secrets))) values.push({ envelope, context: secretContext(row.id, name) });
  }
  for (const row of await db.selectFrom('resource_configurations').select(['resource_id', 'environment_id', 'secrets']).execute()) {
    for (const [name, envelope] of Object.entries(parse(row.secrets))) {
      values.push({ envelope, context: configurationSecretContext(row.resource_id, row.environment_id, name) });
    }
  }
  for (const row of await db.selectFrom('idempotency_keys').select(['owner', 'key', 'response']).execute()) {
    if (row.response) values.push({ envelope: row.response, context: sealContext(row.owner, row.key) });
  }
  for (const row of await db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute()) {
    values.push({ envelope: row.totp_secret!, context: totpSecretContext(row.id) });
  }
  for (const row of await db.selectFrom('sso_configurations').select(['workspace_id', 'client_secret']).where('client_secret', 'is not', null).execute()) {
    values.push({ envelope: row.client_secret!, context: ssoSecretContext(row.workspace_id) });
  }
  return values;
}

async function snapshot(): Promise<unknown> {
  const db = h.runtime.database.db;
  return {
    resources: await db.selectFrom('resources').select(['id', 'secrets', 'updated_at']).orderBy('id').execute(),
    configurations: await db.selectFrom('resource_configurations').selectAll().orderBy('resource_id').orderBy('environment_id').execute(),
    answers: await db.selectFrom('idempotency_keys').selectAll().orderBy('owner').orderBy('key').execute(),
    totpSecrets: await db.selectFrom('users').select(['id', 'totp_secret']).orderBy('id').execute(),
    ssoSecrets: await db.selectFrom('sso_configurations').selectAll().orderBy('workspace_id').execute(),
    settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
    audit: await db.selectFrom('audit_events').select('id').execute(),
  };
}

beforeAll(async () => {
  h = await Harness.start();
  store = new Store(h.runtime.database);
  const environments = (await h.request('GET', '/api/v1/environments')).json().data as Array<{ id: string; name: string }>;
  stagingId = environments.find((environment) => environment.name === 'staging')!.id;
  for (let index = 0; index < 5; index += 1) {
    const response = await h.request('POST', '/api/v1/resources', {
      body: { name: `rotating-${index}`, type: 'postgresql', secrets: { password: `resource-pw-${index}`, apiKey: `key-${index}` } },
      headers: { 'idempotency-key': `create-resource-${index}` },
    });
    expect(response.statusCode, response.body).toBe(201);
    resourceIds.push(response.json().id);
    const configured = await h.request('PUT', `/api/v1/resources/${response.json().id}/configurations/${stagingId}`, {
      body: { secrets: { password: `staging-pw-${index}` } },
    });
    expect(configured.statusCode, configured.body).toBe(201);
  }
  for (let index = 0; index < 3; index += 1) {
    const account = await h.services.accounts.create({
      email: `totp-${index}@example.com`, firstName: 'T', lastName: 'P', status: 'active',
      memberships: [{ workspace: { id: h.defaultWorkspaceId }, status: 'active' }],
    });
    totpSecrets.set(account.id, (await h.services.twoFactor.setup(account.id)).secret);
  }
  for (let index = 0; index < 3; index += 1) {
    const workspaceId = await h.services.workspaces.create(`Rotating SSO ${index}`);
    const secret = `sso-client-secret-${index}`;
    const configured = await h.request('PUT', '/api/v1/sso', {
      body: { issuer: 'https://login.example.com', clientId: `client-${index}`, clientSecret: secret }, workspaceId,
    });
    expect(configured.statusCode, configured.body).toBe(201);
    ssoSecrets.set(workspaceId, secret);
  }
  // A secret stored before envelopes named their key.
  const legacyId = resourceIds[0]!;
  await h.runtime.database.db.updateTable('resources')
    .set({ secrets: JSON.stringify({ password: legacySeal(oldKey, 'legacy-pw', secretContext(legacyId, 'password')) }) })
    .where('id', '=', legacyId).execute();
});
afterAll(async () => {
  await h.close();
});

describe('key rotation', () => {
  it('continues after an interruption, then leaves everything under the new key alone', async () => {
    const rotation = new KeyRotationService(store, during);
    let batches = 0;
    await expect(rotation.rotate({
      batchSize: 2,
      onBatch: () => {
        batches += 1;
        if (batches === 2) throw new Error('interrupted');
      },
    })).rejects.toThrow('interrupted');

    // Half done: some values are under the new key, the rest under the old; the ring opens both.
    const halfway = await sealedValues();
    expect(halfway.some(({ envelope }) => during.isCurrent(envelope))).toBe(true);
    expect(halfway.some(({ envelope }) => !during.isCurrent(envelope))).toBe(true);
    for (const { envelope, context } of halfway) expect(() => during.open(envelope, context)).not.toThrow();
    const check = (await h.runtime.database.db.selectFrom('settings').select('value').where('key', '=', KEY_CHECK_SETTING).executeTakeFirstOrThrow()).value;
    expect(opensKeyCheck(before, check)).toBe(true);

    const report = await rotation.rotate({ batchSize: 2 });
    expect(report.changed).toBe(true);
    expect(report.keyCheckUpdated).toBe(true);
    expect(report.keyId).toBe(after.currentKeyId);

    const values = await sealedValues();
    expect(values.length).toBe(5 * 2 + 5 + 5 - 1 + totpSecrets.size + ssoSecrets.size);
    for (const { envelope, context } of values) {
      expect(after.isCurrent(envelope)).toBe(true);
      expect(() => after.open(envelope, context)).not.toThrow();
      expect(() => before.open(envelope, context)).toThrow();
    }
    const newCheck = (await h.runtime.database.db.selectFrom('settings').select('value').where('key', '=', KEY_CHECK_SETTING).executeTakeFirstOrThrow()).value;
    expect(opensKeyCheck(after, newCheck)).toBe(true);
    expect(opensKeyCheck(before, newCheck)).toBe(false);

    const actor = await h.actor();
    expect(await new ResourceService(store, after).revealSecrets(actor, resourceIds[0]!)).toEqual({ password: 'legacy-pw' });
    expect(await new ResourceService(store, after).revealSecrets(actor, resourceIds[3]!)).toEqual({ password: 'resource-pw-3', apiKey: 'key-3' });
    expect(await new ResourceConfigurationService(store, after).revealSecrets(actor, resourceIds[3]!, stagingId)).toEqual({
      password: 'staging-pw-3', apiKey: 'key-3',
    });
    const answers = await h.runtime.database.db.selectFrom('idempotency_keys').select(['owner', 'key', 'response']).execute();
    expect(answers).toHaveLength(5);
    for (const answer of answers) expect(JSON.parse(after.open(answer.response!, sealContext(answer.owner, answer.key))).statusCode).toBe(201);
    for (const [userId, secret] of totpSecrets) {
      const row = await h.runtime.database.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow();
      expect(after.open(row.totp_secret!, totpSecretContext(userId))).toBe(secret);
    }
    expect(report.resealed.ssoClientSecrets).toBeGreaterThan(0);
    for (const [workspaceId, secret] of ssoSecrets) {
      const row = await h.runtime.database.db.selectFrom('sso_configurations').select('client_secret').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      expect(after.open(row.client_secret!, ssoSecretContext(workspaceId))).toBe(secret);
      expect((await h.request('GET', '/api/v1/sso', { workspaceId })).json().clientSecretSet).toBe(true);
    }

    // Rotation changes nothing a client sees.
    const resource = await h.request('GET', `/api/v1/resources/${resourceIds[3]}`);
    expect(resource.json().secretNames).toEqual(['apiKey', 'password']);
  });

  it('records one audit event without key material, and a re-run changes nothing', async () => {
    const events = await h.runtime.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'secret_key.rotated').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ target_type: 'secret_key', target_id: after.currentKeyId, workspace_id: null });
    const recorded = JSON.stringify(events);
    for (const key of [oldKey, newKey]) {
      expect(recorded).not.toContain(key.toString('hex'));
      expect(recorded).not.toContain(key.toString('base64'));
      expect(recorded).not.toContain(key.toString('base64url'));
    }

    const beforeRerun = await snapshot();
    const report = await new KeyRotationService(store, during).rotate({ batchSize: 3 });
    expect(report).toMatchObject({ changed: false, keyCheckUpdated: false, resealed: { resourceSecrets: 0, configurationSecrets: 0, idempotencyAnswers: 0, totpSecrets: 0, ssoClientSecrets: 0 } });
    expect(await snapshot()).toEqual(beforeRerun);
    expect(await new KeyRotationService(store, after).rotate()).toMatchObject({ changed: false });
    expect(await snapshot()).toEqual(beforeRerun);
  });

  it('fails loudly, naming the value, when a value is under a key it does not hold', async () => {
    const stranger = new SecretBox(generateSecretKey());
    const id = resourceIds[4]!;
    await h.runtime.database.db.updateTable('resources')
      .set({ secrets: JSON.stringify({ password: stranger.seal('x', secretContext(id, 'password')) }) })
      .where('id', '=', id).execute();
    await expect(new KeyRotationService(store, after).rotate()).rejects.toMatchObject({
      code: 'sealed_value_unreadable', message: expect.stringContaining(id),
    });
  });

  it('refuses a batch size that is not a positive whole number', async () => {
    await expect(new KeyRotationService(store, after).rotate({ batchSize: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
