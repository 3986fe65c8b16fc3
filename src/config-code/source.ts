import fs from 'node:fs';
import path from 'node:path';
import { type Document, LineCounter, type Node, type Pair, type Scalar, type YAMLMap, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { ConfigDocument } from './schema.ts';
import { schemaErrors } from './schema-errors.ts';

/** Where something was written: a file, and a 1-based line and column in it. */
export interface Location {
  file: string;
  line: number;
  col: number;
}

export interface Problem {
  message: string;
  at?: Location;
}

/** One or more problems with the configuration, each naming where it is when it comes from a file. */
export class ConfigFileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(describeProblem).join('\n'));
    this.name = 'ConfigFileError';
  }
}

export function describeProblem(problem: Problem): string {
  return problem.at ? `${formatLocation(problem.at)}: ${problem.message}` : problem.message;
}

export function formatLocation(at: Location): string {
  return `${at.file}:${at.line}:${at.col}`;
}

/** A file's text, named as it is to be cited in errors. */
export interface SourceFile {
  name: string;
  text: string;
  /** The folder `${file:...}` references are resolved against; the file's own by default. */
  baseDir?: string;
}

/** One parsed, substituted and checked file. */
export interface ParsedFile {
  name: string;
  value: ConfigDocument;
  /**
   * Where the entry at a path of keys (strings; indexes for list items) is written: its key,
   * or its value. The nearest enclosing entry when the path goes further than the file.
   */
  locate(keys: readonly string[], part?: 'key' | 'value'): Location | undefined;
}

export interface LoadOptions {
  /** `--var name=value`: win over every file's `vars:`. */
  vars?: Record<string, string>;
  /** Where `${env:NAME}` looks; process.env by default. */
  env?: Record<string, string | undefined>;
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}/g;

/**
 * Reads the files and folders named (a folder: its `.yaml` and `.yml` files, sorted by
 * name, subfolders included), in that order.
 */
export function readSources(paths: readonly string[]): SourceFile[] {
  const files: string[] = [];
  for (const given of paths) {
    if (!fs.existsSync(given)) throw new ConfigFileError([{ message: `no such file or folder: ${given}` }]);
    if (fs.statSync(given).isDirectory()) {
      const found = (fs.readdirSync(given, { recursive: true }) as string[])
        .filter((name) => /\.ya?ml$/i.test(name))
        .sort()
        .map((name) => path.join(given, name));
      if (found.length === 0) throw new ConfigFileError([{ message: `no .yaml or .yml file in ${given}` }]);
      files.push(...found);
    } else {
      files.push(given);
    }
  }
  return files.map((name) => ({ name, text: fs.readFileSync(name, 'utf8'), baseDir: path.dirname(name) }));
}

/**
 * Parses each file, substitutes its `${...}` references, and checks it against the schema.
 * Every problem found in any file is reported together, each with its file, line and column.
 *
 * References: `${env:NAME}` (an environment variable), `${file:path}` (a file's content
 * without its final newline, the path relative to the referring file), `${name}` (from
 * `--var`, else from any file's `vars:`). `$${` stands for a literal `${`. A reference that
 * is the whole value takes the variable's own type (a number stays a number).
 */
export function parseSources(sources: readonly SourceFile[], options: LoadOptions = {}): ParsedFile[] {
  const problems: Problem[] = [];
  const parsed = sources.map((source) => {
    const lineCounter = new LineCounter();
    // The parser's own duplicate-key check compares every key with every other; ours hashes.
    const document = parseDocument(source.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const at = (offset: number): Location => ({ file: source.name, ...toLineCol(lineCounter.linePos(offset)) });
    for (const error of document.errors) problems.push({ message: error.message.split('\n')[0]!, at: at(error.pos[0]) });
    for (const key of duplicateKeys(document)) {
      problems.push({ message: `the key "${String(key.value)}" appears twice in the same mapping`, at: at(key.range?.[0] ?? 0) });
    }
    return { source, document, at };
  });
  if (problems.length > 0) throw new ConfigFileError(problems);

  const vars = collectVars(parsed.map(({ document, at }) => ({ document, at })), problems);
  for (const [name, value] of Object.entries(options.vars ?? {})) vars.set(name, { value });
  const env = options.env ?? process.env;

  const files = parsed.map(({ source, document, at }): ParsedFile => {
    substitute(document, (scalar, text) => resolveReferences(text, {
      vars, env, baseDir: source.baseDir ?? path.dirname(source.name), at: at(scalar.range?.[0] ?? 0), problems,
    }));
    const value = (document.toJS() ?? {}) as unknown;
    const locate = (keys: readonly string[], part: 'key' | 'value' = 'key') => {
      const node = nodeAt(document, keys, part);
      return node?.range ? at(node.range[0]) : undefined;
    };
    for (const error of schemaErrors(value)) {
      problems.push({ message: error.message, at: locate(error.keys, error.part) ?? at(0) });
    }
    return { name: source.name, value: value as ConfigDocument, locate };
  });
  if (problems.length > 0) throw new ConfigFileError(problems);
  return files;
}

interface Variable {
  value: string | number | boolean;
  at?: Location;
}

/** Every file's `vars:` block; a name given twice with different values is a problem. */
function collectVars(documents: Array<{ document: Document; at: (offset: number) => Location }>, problems: Problem[]): Map<string, Variable> {
  const vars = new Map<string, Variable>();
  for (const { document, at } of documents) {
    const block = document.get('vars', true);
    if (!isMap(block)) continue;
    for (const item of block.items) {
      if (!isScalar(item.key) || !isScalar(item.value)) continue;
      const name = String(item.key.value);
      const value = item.value.value as Variable['value'];
      const where = at(item.key.range?.[0] ?? 0);
      const earlier = vars.get(name);
      if (earlier && earlier.value !== value) {
        problems.push({ message: `variable "${name}" is also set, to another value, at ${formatLocation(earlier.at!)}`, at: where });
      }
      vars.set(name, { value, at: where });
    }
  }
  return vars;
}

interface ResolveContext {
  vars: Map<string, Variable>;
  env: Record<string, string | undefined>;
  baseDir: string;
  at: Location;
  problems: Problem[];
}

function resolveReferences(text: string, context: ResolveContext): unknown {
  const whole = /^\$\{([^}:]+)\}$/.exec(text);
  if (whole && !whole[1]!.includes(':')) {
    const variable = context.vars.get(whole[1]!.trim());
    if (variable) return variable.value;
  }
  return text.replace(REFERENCE, (match, reference: string | undefined) => {
    if (reference === undefined) return '${';
    const resolved = resolveOne(reference.trim(), context);
    if (resolved === undefined) return match;
    return String(resolved);
  });
}

function resolveOne(reference: string, context: ResolveContext): string | number | boolean | undefined {
  const fail = (message: string) => {
    context.problems.push({ message, at: context.at });
    return undefined;
  };
  if (reference.startsWith('env:')) {
    const name = reference.slice(4);
    const value = context.env[name];
    return value === undefined ? fail(`environment variable ${name} is not set (\${env:${name}})`) : value;
  }
  if (reference.startsWith('file:')) {
    const file = path.resolve(context.baseDir, reference.slice(5));
    try {
      return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      return fail(`cannot read ${file} (\${${reference}})`);
    }
  }
  const variable = context.vars.get(reference);
  return variable ? variable.value : fail(`variable ${reference} is not set: give it with --var ${reference}=... or in a vars: block (\${${reference}})`);
}

/** Replaces each string scalar holding `${` (outside `vars:`) by what `replace` makes of it. */
function substitute(document: Document, replace: (scalar: Scalar, text: string) => unknown): void {
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'vars') return visit.SKIP;
      return undefined;
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && scalar.value.includes('${')) scalar.value = replace(scalar, scalar.value);
    },
  });
}

/** Each map's pairs by key, built on first use: a file of ten thousand members is looked into ten thousand times. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items as Pair[]) if (isScalar(item.key)) index.set(String(item.key.value), item);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

function nodeAt(document: Document, keys: readonly string[], part: 'key' | 'value'): Node | undefined {
  let node: unknown = document.contents;
  for (const [index, key] of keys.entries()) {
    if (isMap(node)) {
      const pair = pairOf(node, key);
      if (!pair) return node;
      node = (part === 'key' && index === keys.length - 1) || !pair.value ? pair.key : pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (item === undefined) return node;
      node = item;
    } else {
      return node as Node | undefined;
    }
  }
  return node as Node | undefined;
}

function duplicateKeys(document: Document): Scalar[] {
  const duplicates: Scalar[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (seen.has(key)) duplicates.push(item.key);
        seen.add(key);
      }
    },
  });
  return duplicates;
}

function toLineCol(position: { line: number; col: number }): { line: number; col: number } {
  return { line: position.line, col: position.col };
}
