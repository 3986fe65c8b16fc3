import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyCommand, collectVar, exportCommand, planCommand } from '../../src/cli/config-code.ts';
import { type ConfigTarget, localTarget, remoteTarget } from '../../src/cli/config-target.ts';
import { readSources } from '../../src/config-code/source.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let dir: string;
let local: ConfigTarget;

beforeAll(async () => {
  h = await Harness.start();
  local = localTarget(h.runtime);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-code-cli-'));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let address: string | undefined;
/** The harness's server, listening on a free port (once). */
async function listening(): Promise<string> {
  address ??= await h.app.listen({ port: 0, host: '127.0.0.1' });
  return address;
}

/** A stdout stand-in that keeps what is written. */
function output() {
  let text = '';
  const stream = new Writable({ write(chunk, _, done) { text += String(chunk); done(); } });
  return { stream, text: () => text };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe(`toolplane plan and apply on ${testDialect()}`, () => {
  it('plan prints a readable diff and exits 2 with changes, 0 without, 1 on errors', async () => {
    const file = write('team.yaml', 'vars:\n  stage: staging\nworkspaces:\n  "CLI ${stage}":\n    groups:\n      eng: {}\n');
    const first = output();
    expect(await planCommand(local, { file: [file], var: collectVar('stage=production') }, first.stream)).toBe(2);
    expect(first.text()).toBe([
      'workspace "CLI production"',
      `  + workspace "CLI production"  (${file}:4:3)`,
      `  + group "eng"  (${file}:6:7)`,
      '',
      'Plan: 2 to create, 0 to update, 0 to delete.',
      '',
    ].join('\n'));

    const applied = output();
    expect(await applyCommand(local, { file: [file], var: { stage: 'production' }, yes: true }, applied.stream)).toBe(0);
    expect(applied.text()).toMatch(/Applied: 2 created, 0 updated, 0 deleted\. Its audit events carry request id apply_[0-9a-f-]+\.\n$/);

    const none = output();
    expect(await planCommand(local, { file: [file], var: { stage: 'production' } }, none.stream)).toBe(0);
    expect(none.text()).toBe('No changes: the instance matches the configuration.\n');

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await planCommand(local, { file: [write('bad.yaml', 'workspaces:\n  X:\n    groupz: {}\n')] }, output().stream)).toBe(1);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('bad.yaml:3:5: "groupz" is not allowed here'));
    } finally {
      errors.mockRestore();
    }
  });

  it('apply --plan-file applies a saved plan only while the instance is as it was planned against', async () => {
    const file = write('saved.yaml', 'workspaces:\n  Saved:\n    groups:\n      one: {}\n');
    const json = output();
    expect(await planCommand(local, { file: [file], json: true }, json.stream)).toBe(2);
    const planFile = write('saved.plan.json', json.text());
    expect(JSON.parse(json.text())).toMatchObject({ summary: { create: 2, update: 0, delete: 0 }, stateFingerprint: expect.any(String) });

    // Someone else creates the workspace in between: the saved plan no longer holds.
    await h.services.workspaces.create('Saved');
    await expect(applyCommand(local, { file: [file], yes: true, planFile }, output().stream)).rejects.toMatchObject({ code: 'config_state_changed' });
    expect(await h.runtime.database.db.selectFrom('groups').select('id').where('name', '=', 'one').execute()).toEqual([]);
  });

  it('apply prints the link of each invite it made, locally and through --server, when no mailer sends them', async () => {
    const file = write('invites.yaml', 'workspaces:\n  CLI invites:\n    invites:\n      ada@cli.test: {}\n');
    const applied = output();
    expect(await applyCommand(local, { file: [file], yes: true }, applied.stream)).toBe(0);
    expect(applied.text()).toMatch(/\nInvite link for ada@cli\.test \(shown once, no mailer is configured\): http\S+\/invite\/tpi_\S+\n$/);

    const remote = remoteTarget({ server: await listening(), token: h.adminToken });
    const there = output();
    const remoteFile = write('remote-invites.yaml', 'workspaces:\n  CLI invites:\n    invites:\n      ada@cli.test: {}\n      grace@cli.test: {}\n');
    expect(await applyCommand(remote, { file: [remoteFile], yes: true }, there.stream)).toBe(0);
    expect(there.text()).toMatch(/\nInvite link for grace@cli\.test \(shown once, no mailer is configured\): http\S+\/invite\/tpi_\S+\n$/);
  });

  it('apply without --yes off a terminal asks nobody and applies nothing', async () => {
    const file = write('ask.yaml', 'workspaces:\n  Asked:\n    groups:\n      one: {}\n');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await applyCommand(local, { file: [file] }, output().stream)).toBe(1);
    } finally {
      errors.mockRestore();
    }
    expect(await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Asked').execute()).toEqual([]);
  });

  it('plan, apply and export --server talk to a server as the token, with ${env:} and ${file:} read on this side', async () => {
    const address = await listening();
    const remote = remoteTarget({ server: address, token: h.adminToken });
    write('first-name.txt', 'Grace\n');
    const file = write('remote.yaml', 'workspaces:\n  Remote CLI:\n    members:\n      grace@cli.test: { firstName: "${file:first-name.txt}", lastName: "${env:TOOLPLANE_CLI_TEST_LAST}" }\n');
    process.env.TOOLPLANE_CLI_TEST_LAST = 'Hopper';
    try {
      const [there, here] = [output(), output()];
      expect(await planCommand(remote, { file: [file] }, there.stream)).toBe(2);
      expect(await planCommand(local, { file: [file] }, here.stream)).toBe(2);
      expect(there.text()).toBe(here.text());

      const applied = output();
      expect(await applyCommand(remote, { file: [file], yes: true }, applied.stream)).toBe(0);
      expect(applied.text()).toMatch(/Applied: 2 created, 0 updated, 0 deleted\. Its audit events carry request id apply_/);
      expect(await planCommand(remote, { file: [file] }, output().stream)).toBe(0);
      expect((await remote.export('Remote CLI', false)).content).toContain('firstName: Grace');

      const refused = remoteTarget({ server: address, token: await h.token(['workspaces:read']) });
      await expect(refused.plan(readSources([file]))).rejects.toThrow(/answered 403 missing_scope/);
    } finally {
      delete process.env.TOOLPLANE_CLI_TEST_LAST;
    }
  });

  it('applies an app whose definition file is read on this side through --server, and export -o writes definitions beside the file', async () => {
    const address = await listening();
    const remote = remoteTarget({ server: address, token: h.adminToken });
    fs.mkdirSync(path.join(dir, 'apps'), { recursive: true });
    const appV2 = { name: 'Desk', appVersions: [{ id: 'old-v1', name: 'v1', globalSettings: { marker: 'from-the-file' } }] };
    write('apps/desk.json', JSON.stringify({ app: [{ definition: { appV2 } }], tooljet_version: '3.0.0' }));
    const file = write('apps.yaml', 'workspaces:\n  App CLI:\n    members:\n      ada@cli.test: { role: admin }\n    apps:\n      Desk: { definition: "${file:apps/desk.json}" }\n');
    const shown = output();
    expect(await planCommand(remote, { file: [file] }, shown.stream)).toBe(2);
    expect(shown.text()).toMatch(/\+ app "Desk" .*\n\s+definition: \(sha256 [0-9a-f]{12}\)/);
    expect(await applyCommand(remote, { file: [file], yes: true }, output().stream)).toBe(0);
    expect(await planCommand(local, { file: [file] }, output().stream)).toBe(0);
    expect((await remote.export('App CLI', false)).content).not.toContain('definition:');

    const target = path.join(dir, 'exported', 'toolplane.yaml');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await exportCommand(local, { workspace: 'App CLI', output: target });
    expect(fs.readFileSync(target, 'utf8')).toContain('definition: ${file:apps/app-cli/desk.json}');
    expect(fs.readFileSync(path.join(dir, 'exported', 'apps', 'app-cli', 'desk.json'), 'utf8')).toContain('from-the-file');
    expect(await planCommand(local, { file: [target] }, output().stream)).toBe(0);
  });
});
