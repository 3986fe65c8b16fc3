import { expect, it } from 'vitest';
import { parseDomains } from '../../web/src/workspaces/domains.ts';

it('reads email domains typed with commas, spaces or lines, lower-cased and without repeats', () => {
  expect(parseDomains(' Example.com, example.com\nacme.test  corp.example ,')).toEqual(['example.com', 'acme.test', 'corp.example']);
  expect(parseDomains('  ')).toEqual([]);
});
