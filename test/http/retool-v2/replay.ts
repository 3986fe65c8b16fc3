import fs from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../../helpers/retool-v2-spec.ts';

export const FIXTURES_DIR = path.join(SHARED_DIR, 'fixtures/retool-terraform-provider');

export interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export function readScenario(name: string): Exchange[] {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as Exchange[];
}

export function scenarioNames(): string[] {
  return fs.readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort();
}

const ID_FORMS = [
  /^user_[0-9a-f]{32}$/,
  /^org_[0-9a-f]{32}$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /^(app|resource|workflow|agent|library|file)_\d+$/,
];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

function formOf(value: string): RegExp | undefined {
  return [...ID_FORMS, TIMESTAMP].find((form) => form.test(value));
}

/**
 * Recorded ids and the live ids they stand for, learnt as the replay goes. Objects that
 * existed before the recording (seeded here by name) are compared by structure only,
 * except root folders, which Toolplane answers as Retool does.
 */
export class IdMap {
  private readonly ids = new Map<string, string | number>();
  /** Live ids of objects the recording org had before the scenario: their values differ by nature. */
  readonly preexisting = new Set<string>();

  set(recorded: string | number, live: string | number, options: { preexisting?: boolean } = {}): void {
    this.ids.set(String(recorded), live);
    if (options.preexisting) this.preexisting.add(String(live));
  }

  get(recorded: string | number): string | number | undefined {
    return this.ids.get(String(recorded));
  }

  /** The recorded path with every mapped id segment (and query value) replaced. */
  path(recorded: string): string {
    const [pathname, query] = recorded.split('?');
    const segments = pathname!.split('/').map((segment) => String(this.get(segment) ?? segment));
    const mappedQuery = query?.split('&').map((pair) => {
      const [key, value = ''] = pair.split('=');
      return `${key}=${String(this.get(decodeURIComponent(value)) ?? value)}`;
    }).join('&');
    return segments.join('/') + (mappedQuery === undefined ? '' : `?${mappedQuery}`);
  }

  /** The recorded body with mapped ids replaced: strings anywhere, numbers under `id`. */
  body(value: unknown, key?: string): unknown {
    if (typeof value === 'string') return this.get(value) ?? value;
    if (typeof value === 'number' && key === 'id') return this.get(value) ?? value;
    if (Array.isArray(value)) return value.map((item) => this.body(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, this.body(item, name)]));
    }
    return value;
  }
}

/**
 * Differences between a recorded answer and the live one: the same structure (exactly the
 * same keys), the same values, except ids (the mapped live id, or the same form for ids
 * the scenario never learnt) and timestamps (any ISO 8601 time). In lists, the items the
 * scenario made must be there and equal; items of objects the recording org already had
 * are matched by structure only. `byForm` compares every value by form (a known deviation).
 */
export function differences(recorded: unknown, live: unknown, ids: IdMap, byForm = false, at = '$'): string[] {
  const here = (message: string) => [`${at}: ${message} (recorded ${JSON.stringify(recorded)?.slice(0, 200)}, live ${JSON.stringify(live)?.slice(0, 200)})`];
  if (recorded === null) return live === null ? [] : here('expected null');
  // Objects the recording org already had may leave out what Retool filled in (a description).
  if (byForm && live === null) return [];
  if (typeof recorded === 'string') {
    if (typeof live !== 'string') return here('expected a string');
    const mapped = ids.get(recorded);
    if (mapped !== undefined && !byForm) return live === mapped ? [] : here('expected the mapped id');
    const form = formOf(recorded);
    if (form) return form.test(live) ? [] : here('expected the same form');
    // Toolplane keeps colours in lower case.
    if (COLOR.test(recorded)) return byForm || live.toLowerCase() === recorded.toLowerCase() ? [] : here('expected the same colour');
    return byForm || live === recorded ? [] : here('expected the same text');
  }
  if (typeof recorded === 'number') {
    if (typeof live !== 'number') return here('expected a number');
    const key = at.split('.').pop();
    if (key === 'id' || key === 'legacy_id') {
      const mapped = ids.get(recorded);
      return mapped === undefined || mapped === live ? [] : here('expected the mapped id');
    }
    return byForm || key === 'total_count' || live === recorded ? [] : here('expected the same number');
  }
  if (typeof recorded === 'boolean') return typeof live === 'boolean' && (byForm || live === recorded) ? [] : here('expected the same boolean');
  if (Array.isArray(recorded)) {
    if (!Array.isArray(live)) return here('expected an array');
    return listDifferences(recorded, live, ids, byForm, at);
  }
  if (typeof recorded === 'object') {
    if (live === null || typeof live !== 'object' || Array.isArray(live)) return here('expected an object');
    const recordedKeys = Object.keys(recorded).sort();
    const liveKeys = Object.keys(live).sort();
    if (recordedKeys.join() !== liveKeys.join()) return here(`expected the keys ${recordedKeys.join(', ')}; got ${liveKeys.join(', ')}`);
    const liveObject = live as Record<string, unknown>;
    const ownForm = byForm || (typeof liveObject.id === 'string' || typeof liveObject.id === 'number' ? ids.preexisting.has(String(liveObject.id)) : false);
    return recordedKeys.flatMap((key) => differences((recorded as Record<string, unknown>)[key], liveObject[key], ids, ownForm, `${at}.${key}`));
  }
  return here('unexpected value');
}

function hasId(item: unknown): item is { id: string | number } {
  return item !== null && typeof item === 'object' && 'id' in item;
}

function listDifferences(recorded: unknown[], live: unknown[], ids: IdMap, byForm: boolean, at: string): string[] {
  if (!recorded.every(hasId) || !live.every(hasId) || recorded.length === 0) {
    if (recorded.length !== live.length) return [`${at}: expected ${recorded.length} items, got ${live.length}`];
    return recorded.flatMap((item, index) => differences(item, live[index], ids, byForm, `${at}[${index}]`));
  }
  const mapped = recorded.filter((item) => ids.get(item.id) !== undefined);
  const problems: string[] = [];
  // Every item the recording shows of an object the scenario knows must be there, and equal.
  for (const item of mapped) {
    const match = live.find((candidate) => candidate.id === ids.get(item.id));
    if (!match) problems.push(`${at}: no item with id ${ids.get(item.id)} (recorded ${item.id})`);
    else problems.push(...differences(item, match, ids, byForm, `${at}[id=${item.id}]`));
  }
  // A list of only known objects has no others; otherwise the others must have the items' structure.
  const known = mapped.every((item) => !ids.preexisting.has(String(ids.get(item.id))));
  if (mapped.length === recorded.length && known && live.length !== recorded.length) {
    problems.push(`${at}: expected ${recorded.length} items, got ${live.length}`);
  }
  const keys = Object.keys(recorded[0] as object).sort().join();
  for (const item of live) {
    if (Object.keys(item).sort().join() !== keys) problems.push(`${at}: item ${item.id} has the keys ${Object.keys(item).sort().join()}; expected ${keys}`);
  }
  return problems;
}
