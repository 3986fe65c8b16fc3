import { describe, expect, it } from 'vitest';
import { type AppIdentity, type ImportedApp, type JsonObject, buildAppV2, readAppExport, readVersionDefinition } from './app-definition.ts';
import { DomainError } from './errors.ts';

const OLD_V1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const OLD_V2 = 'aaaaaaaa-0000-4000-8000-000000000002';

/** Pages of both versions interleaved; a component owned through its page; a shared data source and environment. */
function document(): JsonObject {
  return {
    id: 'old-app', name: 'Orders', slug: 'orders', organizationId: 'old-org', createdAt: 'then', updatedAt: 'then',
    isPublic: false,
    currentVersionId: OLD_V2,
    pages: [
      { id: 'p1', name: 'Home', appVersionId: OLD_V1 },
      { id: 'p2', name: 'Home', appVersionId: OLD_V2 },
      { id: 'p3', name: 'Admin', appVersionId: OLD_V1 },
    ],
    components: [
      { id: 'c2', pageId: 'p2', properties: { text: { value: 'v2' } } },
      { id: 'c1', pageId: 'p1', properties: { text: { value: 'v1' } } },
      { id: 'c1b', parent: 'c1', pageId: null },
    ],
    dataSources: [
      { id: 'global', kind: 'restapi', scope: 'global' },
      { id: 'local1', kind: 'postgresql', appVersionId: OLD_V1 },
    ],
    dataSourceOptions: [{ dataSourceId: 'local1', environmentId: 'env', options: {} }, { dataSourceId: 'global', environmentId: 'env' }],
    appEnvironments: [{ id: 'env', name: 'production' }],
    events: [],
    appVersions: [
      { id: OLD_V1, name: 'v1', appId: 'old-app', globalSettings: { theme: 'dark' }, createdAt: 'then' },
      { id: OLD_V2, name: 'v2', appId: 'old-app', promotedFrom: OLD_V1 },
    ],
  };
}

const IDENTITY: AppIdentity = {
  id: 'new-app', name: 'Orders', slug: 'new-app', organizationId: 'org', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
};

function importDocument(appV2: JsonObject): ImportedApp {
  let next = 0;
  return readAppExport([{ definition: { appV2 } }], () => `new-${(next += 1)}`);
}

function exportOf(imported: ImportedApp, names?: string[]): JsonObject {
  const versions = imported.versions
    .filter((version) => !names || names.includes(version.name))
    .map((version) => ({
      id: version.id, name: version.name, createdAt: 'now', updatedAt: 'now',
      // Through JSON, as the database stores it.
      definition: readVersionDefinition(JSON.parse(JSON.stringify(version.definition))),
    }));
  return buildAppV2(IDENTITY, versions);
}

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('invalid_input');
    return `${(error as DomainError).field}`;
  }
  throw new Error('expected invalid_input');
}

describe('app definitions', () => {
  it('gives versions new ids and rewrites every reference to the old ones', () => {
    const imported = importDocument(document());
    expect(imported.name).toBe('Orders');
    expect(imported.versions.map((version) => [version.id, version.name])).toEqual([['new-1', 'v1'], ['new-2', 'v2']]);
    const text = JSON.stringify(imported);
    expect(text).not.toContain(OLD_V1);
    expect(text).not.toContain(OLD_V2);
    expect(imported.versions[1]!.definition.entry).toEqual({ appId: 'old-app', promotedFrom: 'new-1' });
  });

  it('gives each version its own elements, those reached through them, and the shared ones', () => {
    const [v1, v2] = importDocument(document()).versions;
    const ids = (definition: typeof v1, key: string) => (definition!.definition.app![key] as JsonObject[]).map((item) => item.id ?? item.dataSourceId);
    expect(ids(v1, 'pages')).toEqual(['p1', 'p3']);
    expect(ids(v2, 'pages')).toEqual(['p2']);
    expect(ids(v1, 'components')).toEqual(['c1', 'c1b']);
    expect(ids(v2, 'components')).toEqual(['c2']);
    expect(ids(v1, 'dataSources')).toEqual(['global', 'local1']);
    expect(ids(v2, 'dataSources')).toEqual(['global']);
    expect(ids(v1, 'dataSourceOptions')).toEqual(['local1', 'global']);
    expect(ids(v2, 'dataSourceOptions')).toEqual(['global']);
    expect(ids(v2, 'appEnvironments')).toEqual(['env']);
    expect(v1!.definition.app!.currentVersionId).toBe('new-2');
    expect(v1!.definition.app).not.toHaveProperty('appVersions');
    expect(v1!.definition.app).not.toHaveProperty('organizationId');
  });

  it('exports all versions as the imported document, in its order, but for the app fields and version ids', () => {
    const exported = exportOf(importDocument(document()));
    const { id: _id, name: _name, slug: _slug, organizationId: _org, createdAt: _c, updatedAt: _u, appVersions, ...rest } = document();
    const expected = JSON.parse(JSON.stringify(rest).replaceAll(OLD_V1, 'new-1').replaceAll(OLD_V2, 'new-2'));
    expect(exported).toEqual({
      ...IDENTITY,
      ...expected,
      appVersions: [
        { id: 'new-1', name: 'v1', appId: 'old-app', globalSettings: { theme: 'dark' }, createdAt: 'now', updatedAt: 'now' },
        { id: 'new-2', name: 'v2', appId: 'old-app', promotedFrom: 'new-1', createdAt: 'now', updatedAt: 'now' },
      ],
    });
    expect(appVersions).toHaveLength(2);
  });

  it('exports one version with its share only, and that export round-trips', () => {
    const first = exportOf(importDocument(document()), ['v2']);
    expect((first.pages as JsonObject[]).map((page) => page.id)).toEqual(['p2']);
    expect((first.appVersions as JsonObject[]).map((version) => version.id)).toEqual(['new-2']);
    let next = 100;
    const again = buildAppV2(IDENTITY, readAppExport([{ definition: { appV2: first } }], () => `new-${(next += 1)}`).versions.map((version) => ({
      ...version, createdAt: 'now', updatedAt: 'now',
    })));
    expect(JSON.parse(JSON.stringify(again).replaceAll('new-101', 'new-2'))).toEqual(first);
  });

  it('puts a document without versions into one version named v1', () => {
    const imported = importDocument({ name: 'Bare', pages: [{ id: 'p' }] });
    expect(imported.versions).toEqual([{ id: 'new-1', name: 'v1', definition: { entry: {}, app: { pages: [{ id: 'p' }] }, positions: { pages: [0] } } }]);
  });

  it('exports an empty version as the app fields and its entry only', () => {
    expect(buildAppV2(IDENTITY, [{ id: 'v', name: 'v1', createdAt: 'now', updatedAt: 'now', definition: readVersionDefinition({}) }])).toEqual({
      ...IDENTITY, appVersions: [{ id: 'v', name: 'v1', createdAt: 'now', updatedAt: 'now' }],
    });
  });

  it('refuses shapes it cannot read, naming the field', () => {
    const read = (app: unknown) => () => readAppExport(app, () => 'x');
    const withV2 = (appV2: unknown) => read([{ definition: { appV2 } }]);
    expect(codeOf(read({}))).toBe('app');
    expect(codeOf(read([]))).toBe('app');
    expect(codeOf(read([{ definition: { appV2: {} } }, { definition: { appV2: {} } }]))).toBe('app');
    expect(codeOf(read([7]))).toBe('app[0]');
    expect(codeOf(read([{}]))).toBe('app[0].definition');
    expect(codeOf(read([{ definition: { appV2: [] } }]))).toBe('app[0].definition.appV2');
    expect(codeOf(withV2({ appVersions: {} }))).toBe('app[0].definition.appV2.appVersions');
    expect(codeOf(withV2({ appVersions: ['v1'] }))).toBe('app[0].definition.appV2.appVersions[0]');
    expect(codeOf(withV2({ appVersions: [{ id: 1, name: 'v1' }] }))).toBe('app[0].definition.appV2.appVersions[0].id');
    expect(codeOf(withV2({ appVersions: [{ id: 'a', name: '' }] }))).toBe('app[0].definition.appV2.appVersions[0].name');
    expect(codeOf(withV2({ appVersions: [{ id: 'a', name: 'v1' }, { id: 'b', name: 'v1' }] }))).toBe('app[0].definition.appV2.appVersions[1].name');
    expect(codeOf(withV2({ appVersions: [{ id: 'a', name: 'v1' }, { id: 'a', name: 'v2' }] }))).toBe('app[0].definition.appV2.appVersions[1].id');
    expect(codeOf(withV2({ pages: [{ name: 'bad \ud800 text' }] }))).toBe('app');
  });
});
