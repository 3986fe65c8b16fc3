import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, renderClientTypes } from '../../web/scripts/client-types.ts';
import { Harness } from '../helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
});

afterAll(async () => {
  await h?.close();
});

it('the console\'s API types are generated from the OpenAPI document the server serves now (else: npm run console:client)', async () => {
  const response = await h.request('GET', '/api/v1/openapi.json');
  expect(response.statusCode).toBe(200);
  const expected = await renderClientTypes(response.json());
  expect(fs.readFileSync(CLIENT_TYPES_FILE, 'utf8') === expected, 'web/src/api/schema.gen.ts is stale: run npm run console:client').toBe(true);
});
