import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { v2 } from './client.ts';
import { type Exchange, IdMap, differences, readScenario, scenarioNames } from './replay.ts';

/**
 * Replays every scenario Retool's Terraform provider recorded against a real Retool
 * (../shared/fixtures/retool-terraform-provider) on a fresh Toolplane, in order, mapping
 * each recorded id to the live one as objects are made, and compares every status and
 * answer (ids and timestamps by form). Every answer is also checked against the spec.
 */

/** Scenarios whose objects /api/v2 does not serve yet. */
const NOT_SERVED_YET: Record<string, string> = {};

/** Exchanges that need objects no API can create: they are not sent. */
const NEEDS_UNCREATABLE_OBJECTS: Record<string, Record<number, string>> = {
  TestAccPermissions_Screen: {
    1: 'grants on a screen of an app that exists only in the recording org; API v2 creates neither apps nor screens',
    7: 'revokes that grant, for the same reason',
  },
};

/** Exchanges whose recorded values are Retool's slip, not its contract: compared by structure and form only. */
const RECORDED_SLIPS: Record<string, Record<number, string>> = {
  TestAccFolder: { 15: 'Retool answered the stale parent_folder_id; Toolplane answers the new one, which the next GET shows in the recording too' },
  TestAccSpace: {
    0: 'Retool answered domain "" to the create; Toolplane answers the domain given, which the next GET shows in the recording too',
    8: 'the same, for the second space',
  },
};

/** Objects the recording org had before any scenario ran, named in the fixtures' README. */
const RECORDED_ENVIRONMENTS: Record<string, string> = {
  '23ba02f3-12c2-456e-826f-13b616daa5ce': 'production',
  'fc4a3c5b-6328-4990-b368-6879a1f38855': 'staging',
};

interface Folder { id: string; name: string; parent_folder_id: string | null; is_system_folder: boolean; folder_type: string }
interface Environment { id: string; name: string }

/** Maps what the recording org already had to the fresh server's counterparts: root folders and the starting environments. */
async function seedIds(h: Harness, exchanges: Exchange[], ids: IdMap): Promise<void> {
  const liveFolders = (await v2(h, 'GET', '/api/v2/folders')).json().data as Folder[];
  const isRoot = (folder: Folder) => folder.name === 'root' && folder.parent_folder_id === null && folder.is_system_folder;
  const recordedEnvironments = new Map(Object.entries(RECORDED_ENVIRONMENTS));
  for (const exchange of exchanges) {
    const data = (exchange.responseBody as { data?: unknown } | null)?.data;
    if (exchange.method !== 'GET' || !Array.isArray(data)) continue;
    if (exchange.path === '/api/v2/folders') {
      for (const folder of (data as Folder[]).filter(isRoot)) {
        const live = liveFolders.find((candidate) => isRoot(candidate) && candidate.folder_type === folder.folder_type);
        if (live) ids.set(folder.id, live.id);
      }
    }
    if (exchange.path === '/api/v2/environments') for (const environment of data as Environment[]) recordedEnvironments.set(environment.id, environment.name);
  }
  const liveEnvironments = (await v2(h, 'GET', '/api/v2/environments')).json().data as Environment[];
  for (const [recordedId, name] of recordedEnvironments) {
    const live = liveEnvironments.find((environment) => environment.name === name);
    if (live) ids.set(recordedId, live.id, { preexisting: true });
  }
}

/** After a write's answer: the recorded and live ids of what it made. */
function learn(exchange: Exchange, liveBody: unknown, ids: IdMap): void {
  const recorded = (exchange.responseBody as { data?: { id?: string | number } } | null)?.data;
  const live = (liveBody as { data?: { id?: string | number } } | null)?.data;
  if (!recorded || Array.isArray(recorded) || recorded.id === undefined || !live || live.id === undefined) return;
  if (ids.get(recorded.id) === undefined) ids.set(recorded.id, live.id);
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Retool Terraform provider recordings', () => {
  for (const scenario of scenarioNames()) {
    if (NOT_SERVED_YET[scenario]) {
      it.todo(`${scenario}: ${NOT_SERVED_YET[scenario]}`);
      continue;
    }
    it(`${scenario} replays with the recorded statuses and answers`, async () => {
      h = await Harness.start();
      const exchanges = readScenario(scenario);
      const ids = new IdMap();
      await seedIds(h, exchanges, ids);
      const problems: string[] = [];
      for (const [index, exchange] of exchanges.entries()) {
        if (NEEDS_UNCREATABLE_OBJECTS[scenario]?.[index]) continue;
        const url = ids.path(exchange.path);
        const response = await v2(h, exchange.method as 'GET', url, { body: exchange.requestBody === null ? undefined : ids.body(exchange.requestBody) });
        const label = `#${index} ${exchange.method} ${exchange.path}`;
        if (response.statusCode !== exchange.status) {
          problems.push(`${label}: status ${response.statusCode}, recorded ${exchange.status}: ${response.body.slice(0, 300)}`);
          continue;
        }
        const liveBody = response.body === '' ? null : response.json();
        problems.push(...differences(exchange.responseBody, liveBody, ids, Boolean(RECORDED_SLIPS[scenario]?.[index])).map((problem) => `${label}: ${problem}`));
        learn(exchange, liveBody, ids);
      }
      expect(problems).toEqual([]);
    });
  }
});
