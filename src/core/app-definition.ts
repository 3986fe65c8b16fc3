import { invalidInput } from './errors.ts';

/**
 * An app's definition is ToolJet's `appV2` document: its components, pages, queries, data
 * sources, events, environments and versions, kept as the client sent it. This module splits
 * an imported document into one definition per version and joins stored definitions back
 * into a document; the only things it changes are the app's own fields (which the app row
 * holds) and the version ids (which are new on import).
 */
export type JsonObject = { [key: string]: unknown };

/** The name every app's first version gets. */
export const INITIAL_VERSION_NAME = 'v1';

/**
 * What one version row stores. A version created empty stores `{}`. References to version
 * ids anywhere inside are already the new ids of this server's versions.
 */
export interface VersionDefinition {
  /** The version's entry in `appV2.appVersions`, less the fields its row holds. */
  entry?: JsonObject;
  /**
   * The rest of `appV2`, less the app's own fields, as an export of this version alone shows
   * it: each array keeps the elements that belong to this version and those that belong to
   * no version (shared, such as global data sources or environments).
   */
  app?: JsonObject;
  /** For each array in `app`, where each element stood in the imported array, so an export of several versions restores the order. */
  positions?: Record<string, number[]>;
}

export const EMPTY_DEFINITION: VersionDefinition = {};

/** The fields of `appV2` that describe the app itself; the app row is their source on export. */
const APP_FIELDS = ['id', 'name', 'slug', 'organizationId', 'createdAt', 'updatedAt'];
/** The fields of an `appVersions` entry that the version row is the source of. */
const VERSION_FIELDS = ['id', 'name', 'createdAt', 'updatedAt'];

export interface ImportedVersion {
  id: string;
  name: string;
  definition: VersionDefinition;
}

export interface ImportedApp {
  /** `appV2.name` as sent (not checked): the app's name unless the caller gives another. */
  name: unknown;
  /** In the document's order, which becomes their creation order. */
  versions: ImportedVersion[];
}

/**
 * Reads the `app` list of a ToolJet export file (`[{definition: {appV2}}]`) and gives each
 * version a new id from `newId`, rewriting every string equal to an old version id (as a
 * value or a key) to the new one. A document without versions gets one, named v1, holding
 * it all. Throws invalid_input naming the field for any shape it cannot read.
 */
export function readAppExport(app: unknown, newId: () => string): ImportedApp {
  if (!Array.isArray(app) || app.length !== 1) throw invalidInput('app', 'must be a list holding exactly one app');
  const appV2 = objectAt((objectAt(objectAt(app[0], 'app[0]').definition, 'app[0].definition')).appV2, 'app[0].definition.appV2');
  if (hasLoneSurrogate(appV2)) throw invalidInput('app', 'must not contain unpaired UTF-16 surrogates (\\ud800-\\udfff)');
  const entries = readVersionEntries(appV2.appVersions, 'app[0].definition.appV2.appVersions');
  const newIds = new Map(entries.map((entry) => [entry.id as string, newId()]));
  const document = rewriteStrings(without(appV2, [...APP_FIELDS, 'appVersions']), newIds) as JsonObject;
  const versions = entries.map((entry) => rewriteStrings(entry, newIds) as JsonObject);
  if (versions.length === 0) versions.push({ id: newId(), name: INITIAL_VERSION_NAME });

  const owners = ownersOf(document, versions.map((version) => version.id as string));
  return {
    name: appV2.name,
    versions: versions.map((version) => ({
      id: version.id as string,
      name: version.name as string,
      definition: { entry: without(version, VERSION_FIELDS), ...shareOf(document, owners, version.id as string) },
    })),
  };
}

function readVersionEntries(value: unknown, where: string): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidInput(where, 'must be a list of versions');
  const ids = new Set<string>();
  const names = new Set<string>();
  return value.map((item, index) => {
    const entry = objectAt(item, `${where}[${index}]`);
    for (const [field, seen] of [['id', ids], ['name', names]] as const) {
      const text = entry[field];
      if (typeof text !== 'string' || text.trim() === '' || text.length > 255) {
        throw invalidInput(`${where}[${index}].${field}`, 'must be a non-empty string of at most 255 characters');
      }
      if (seen.has(text)) throw invalidInput(`${where}[${index}].${field}`, `"${text}" is used by two versions`);
      seen.add(text);
    }
    return entry;
  });
}

/** The app's own fields, as its row holds them. */
export interface AppIdentity {
  id: string;
  name: string;
  slug: string;
  organizationId: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredVersion {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  definition: VersionDefinition;
}

/**
 * The `appV2` document of the given versions (oldest first): the app's own fields, the
 * union of the versions' shares in their imported order, and one `appVersions` entry per
 * version. Exporting the versions an import created gives back the imported document, but
 * for the app's fields and the version ids.
 */
export function buildAppV2(app: AppIdentity, versions: StoredVersion[]): JsonObject {
  const document: JsonObject = { ...app };
  const keys = new Set(versions.flatMap((version) => Object.keys(version.definition.app ?? {})));
  for (const key of keys) {
    const holders = versions.filter((version) => version.definition.app && key in version.definition.app);
    const values = holders.map((version) => version.definition.app![key]);
    document[key] = values.every(Array.isArray)
      ? mergeShares(holders.map((version) => ({ items: version.definition.app![key] as unknown[], positions: version.definition.positions?.[key] })))
      : values[values.length - 1];
  }
  document.appVersions = versions.map((version) => ({
    id: version.id, name: version.name, ...version.definition.entry, createdAt: version.createdAt, updatedAt: version.updatedAt,
  }));
  return document;
}

/** Reads a stored definition; anything unreadable counts as empty rather than failing an export. */
export function readVersionDefinition(value: unknown): VersionDefinition {
  if (!isObject(value)) return EMPTY_DEFINITION;
  return {
    entry: isObject(value.entry) ? value.entry : undefined,
    app: isObject(value.app) ? value.app : undefined,
    positions: isObject(value.positions) ? (value.positions as Record<string, number[]>) : undefined,
  };
}

/** One array from several versions: elements at the same position are one element, shared by those versions. */
function mergeShares(shares: { items: unknown[]; positions: number[] | undefined }[]): unknown[] {
  const byPosition = new Map<number, unknown>();
  const unplaced: unknown[] = [];
  for (const { items, positions } of shares) {
    const placed = Array.isArray(positions) && positions.length === items.length;
    items.forEach((item, index) => {
      if (!placed) unplaced.push(item);
      else if (!byPosition.has(positions[index]!)) byPosition.set(positions[index]!, item);
    });
  }
  return [...[...byPosition.entries()].sort(([a], [b]) => a - b).map(([, item]) => item), ...unplaced];
}

/** This version's share of the document: every non-array value, and the array elements it owns or nobody owns. */
function shareOf(document: JsonObject, owners: Map<string, Set<string>[]>, versionId: string): Pick<VersionDefinition, 'app' | 'positions'> {
  const app: JsonObject = {};
  const positions: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(document)) {
    if (!Array.isArray(value)) {
      app[key] = value;
      continue;
    }
    const ownersOfItems = owners.get(key)!;
    const kept = value.map((_, index) => index).filter((index) => ownersOfItems[index]!.size === 0 || ownersOfItems[index]!.has(versionId));
    app[key] = kept.map((index) => value[index]);
    positions[key] = kept;
  }
  return { app, positions };
}

/**
 * For each element of each top-level array, the versions it belongs to: those whose id it
 * holds, directly (a page's `appVersionId`) or through the `id` of an element that belongs
 * to them (a component's `pageId`, a query's data source). An empty set: shared by all.
 */
function ownersOf(document: JsonObject, versionIds: string[]): Map<string, Set<string>[]> {
  const ownersOfId = new Map(versionIds.map((id) => [id, new Set([id])]));
  const items: { id: unknown; strings: string[]; owners: Set<string> }[] = [];
  const result = new Map<string, Set<string>[]>();
  for (const [key, value] of Object.entries(document)) {
    if (!Array.isArray(value)) continue;
    const owners = value.map((item) => {
      const entry = { id: isObject(item) ? item.id : undefined, strings: [...stringsIn(item, new Set<string>())], owners: new Set<string>() };
      items.push(entry);
      return entry.owners;
    });
    result.set(key, owners);
  }
  // Owner sets only grow, so this ends; each pass follows references one step further.
  for (let changed = true; changed;) {
    changed = false;
    for (const item of items) {
      for (const text of item.strings) {
        for (const owner of ownersOfId.get(text) ?? []) {
          if (!item.owners.has(owner)) {
            item.owners.add(owner);
            changed = true;
          }
        }
      }
      if (typeof item.id === 'string' && item.owners.size > 0) {
        const known = ownersOfId.get(item.id) ?? new Set<string>();
        item.owners.forEach((owner) => known.add(owner));
        ownersOfId.set(item.id, known);
      }
    }
  }
  return result;
}

function stringsIn(value: unknown, found: Set<string>): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, found));
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      found.add(key);
      stringsIn(item, found);
    }
  }
  return found;
}

/** A deep copy with every string (value or key) found in `replacements` replaced. */
function rewriteStrings(value: unknown, replacements: Map<string, string>): unknown {
  if (typeof value === 'string') return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => rewriteStrings(item, replacements));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [replacements.get(key) ?? key, rewriteStrings(item, replacements)]));
  }
  return value;
}

/** PostgreSQL's jsonb refuses them, so neither database gets them. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (isObject(value)) return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
  return false;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function objectAt(value: unknown, where: string): JsonObject {
  if (!isObject(value)) throw invalidInput(where, 'must be an object');
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function without(object: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
