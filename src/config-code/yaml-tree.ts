import { FAILSAFE_SCHEMA, type State, Type, load, types } from 'js-yaml';

declare module 'js-yaml' {
  /** js-yaml's built-in types (exported, though its type declarations leave them out). */
  export const types: { null: Type; bool: Type };
}

/** Offsets in the text of one entry of a mapping (its key and its value) or of a list (its value). */
export interface EntryOffsets {
  key?: number;
  /** Absent when the entry has no value written (`key:` alone). */
  value?: number;
}

/** A file's plain value, and where each entry of each of its mappings and lists is written. */
export interface YamlTree {
  value: unknown;
  /** By the mapping or list (an object of `value`), its entries' offsets by key (list: by index). */
  entries: WeakMap<object, Map<string, EntryOffsets>>;
  /** The 1-based line and column of an offset, at the first character written there (comments and spaces skipped). */
  position(offset: number): { line: number; col: number };
}

/**
 * YAML 1.2's core schema as the `yaml` package resolves it (the one the configuration's
 * error path also parses with): null, booleans, and decimal, `0o` octal and `0x` hex
 * integers and floats, `.inf` and `.nan`. Everything else is a string.
 */
const NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const number = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string) => NUMBER.test(text),
  construct: (text: string) => {
    if (/\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    if (/\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
    return text.startsWith('0o') ? Number.parseInt(text.slice(2), 8) : Number(text);
  },
});

const CORE = FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, number] });

/** The nodes read so far whose parent is still open: their start offsets, values, and whether anything was written. */
interface Nodes {
  starts: number[];
  results: unknown[];
  empty: boolean[];
}

/**
 * Parses one YAML document quickly (js-yaml, about fifteen times faster than the `yaml`
 * package on a large file) and records, from its parse events, where every mapping's keys
 * and values and every list's items start. Throws js-yaml's exception on anything it refuses
 * (a syntax error, a duplicate key, several documents, an unknown tag); the caller then
 * reports the problems with the slower parser, which finds them all.
 */
export function loadYamlTree(text: string): YamlTree {
  const entries = new WeakMap<object, Map<string, EntryOffsets>>();
  // Parallel arrays and a stack of marks rather than an object per node: a large file has hundreds of thousands.
  const nodes: Nodes = { starts: [], results: [], empty: [] };
  const opened: number[] = [];
  const marks: number[] = [];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      opened.push(state.position);
      marks.push(nodes.starts.length);
      return;
    }
    const start = opened.pop()!;
    const mark = marks.pop()!;
    const result: unknown = state.result;
    if (result !== null && typeof result === 'object' && !entries.has(result) && nodes.starts.length > mark) {
      entries.set(result, Array.isArray(result) ? listEntries(nodes, mark, result) : mappingEntries(nodes, mark, result as Record<string, unknown>));
    }
    nodes.starts.length = mark;
    nodes.results.length = mark;
    nodes.empty.length = mark;
    nodes.starts.push(start);
    nodes.results.push(result);
    nodes.empty.push(state.kind === null || state.kind === undefined);
  };
  const value = load(text, { schema: CORE, listener });
  let lineStarts: number[] | undefined;
  return {
    value,
    entries,
    position(offset) {
      lineStarts ??= linesOf(text);
      const at = contentStart(text, offset);
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle]! <= at) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, col: at - lineStarts[low]! + 1 };
    },
  };
}

function listEntries(nodes: Nodes, mark: number, list: unknown[]): Map<string, EntryOffsets> {
  const items = new Map<string, EntryOffsets>();
  // A flow list item written `[a: b]` is two parse events for one item: its places are left out.
  if (nodes.starts.length - mark !== list.length) return items;
  for (let index = mark; index < nodes.starts.length; index += 1) {
    items.set(String(index - mark), { key: nodes.starts[index], value: nodes.empty[index] ? undefined : nodes.starts[index] });
  }
  return items;
}

/** A mapping's events are each entry's key, then its value when one is written. */
function mappingEntries(nodes: Nodes, mark: number, mapping: Record<string, unknown>): Map<string, EntryOffsets> {
  const pairs = new Map<string, EntryOffsets>();
  const { starts, results, empty } = nodes;
  for (let index = mark; index < starts.length; index += 1) {
    const key = String(results[index]);
    const offsets: EntryOffsets = { key: starts[index] };
    if (index + 1 < starts.length && Object.is(mapping[key], results[index + 1])) {
      if (!empty[index + 1]) offsets.value = starts[index + 1];
      index += 1;
    }
    pairs.set(key, offsets);
  }
  return pairs;
}

function linesOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The first offset from `offset` on that is neither space, line break nor comment. */
function contentStart(text: string, offset: number): number {
  let at = offset;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') at += 1;
    else if (char === '#') at = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    else break;
  }
  return Math.min(at, Math.max(text.length - 1, 0));
}

/** Collections that aliases may copy in all (an alias names a collection written once), before the file is refused. */
export const MAX_ALIAS_COPIES = 10_000;

/**
 * Passes every string key and value of the tree holding `${` through `replace` (with its
 * offset), except under the top-level `vars:`, in place. A collection an alias names again
 * is copied first (so each place holds its own), up to MAX_ALIAS_COPIES collections in all:
 * then `tooManyAliases` is called and the rest are left empty, so nested aliases cannot make
 * a small file expand without bound. The tree's places hold for what it returns.
 */
export function resolveTree(tree: YamlTree, replace: (text: string, offset: number | undefined) => unknown, tooManyAliases: () => void): YamlTree {
  const { entries } = tree;
  const seen = new Set<object>();
  let copies = 0;
  const copy = (node: object): object => {
    copies += 1;
    if (copies === MAX_ALIAS_COPIES + 1) tooManyAliases();
    const result = copies > MAX_ALIAS_COPIES
      ? (Array.isArray(node) ? [] : {})
      : Array.isArray(node) ? node.map((item: unknown) => (item !== null && typeof item === 'object' ? copy(item) : item))
        : Object.fromEntries(Object.entries(node).map(([key, item]) => [key, item !== null && typeof item === 'object' ? copy(item as object) : item]));
    const offsets = entries.get(node);
    if (offsets && copies <= MAX_ALIAS_COPIES) entries.set(result, offsets);
    return result;
  };
  const walk = (given: unknown, offset: number | undefined, top: boolean): unknown => {
    if (typeof given === 'string') return given.includes('${') ? replace(given, offset) : given;
    if (given === null || typeof given !== 'object') return given;
    const node = seen.has(given) ? copy(given) : given;
    seen.add(node);
    const offsets = entries.get(node);
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) node[index] = walk(node[index], offsets?.get(String(index))?.value, false);
      return node;
    }
    const mapping = node as Record<string, unknown>;
    const keys = Object.keys(mapping);
    for (const key of keys) if (!(top && key === 'vars')) mapping[key] = walk(mapping[key], offsets?.get(key)?.value, false);
    return keys.some((key) => key.includes('${')) ? renamed(mapping, top) : mapping;
  };
  /** The mapping again with its keys' references resolved, in the same order. */
  const renamed = (mapping: Record<string, unknown>, top: boolean): Record<string, unknown> => {
    const from = entries.get(mapping);
    const to = new Map<string, EntryOffsets>();
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(mapping)) {
      const name = !(top && key === 'vars') && key.includes('${') ? String(replace(key, from?.get(key)?.key)) : key;
      if (name === '__proto__') Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
      else result[name] = value;
      to.set(name, from?.get(key) ?? {});
    }
    entries.set(result, to);
    return result;
  };
  return { ...tree, value: walk(tree.value, 0, true) };
}

/**
 * The offset of the entry at a path of keys (strings; indexes for list items): of its key,
 * or of its value. The nearest enclosing entry's when the path goes further than the file.
 */
export function offsetOf(tree: Pick<YamlTree, 'value' | 'entries'>, keys: readonly string[], part: 'key' | 'value'): number {
  let node: unknown = tree.value;
  let offset = 0;
  for (const [index, key] of keys.entries()) {
    const offsets = node !== null && typeof node === 'object' ? tree.entries.get(node)?.get(key) : undefined;
    if (!offsets) return offset;
    const last = index === keys.length - 1;
    offset = (part === 'key' && last) || offsets.value === undefined ? offsets.key ?? offset : offsets.value;
    node = (node as Record<string, unknown>)[key];
  }
  return offset;
}
