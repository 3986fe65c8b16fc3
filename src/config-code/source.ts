import fs from 'node:fs';
import path from 'node:path';
import { YAMLException } from 'js-yaml';
import { type Document, LineCounter, type Scalar, isScalar, parseDocument, visit } from 'yaml';
import type { ConfigDocument } from './schema.ts';
import { schemaErrors } from './schema-errors.ts';
import { MAX_ALIAS_COPIES, type YamlTree, loadYamlTree, offsetOf, resolveTree } from './yaml-tree.ts';

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
  /**
   * Where `${file:path}` looks, when given, instead of the disk: contents by `fileKey` of the
   * path (a remote plan's files, read by the client that sent them).
   */
  files?: Record<string, string>;
}

/** How a `${file:path}` reference in a file is named: the path joined to the folder of the file that holds it. */
export function fileKey(baseDir: string, reference: string): string {
  return path.join(baseDir, reference);
}

/** The names of the `${env:...}` variables and the `fileKey`s of the `${file:...}` references in a file's text. */
export function referencesOf(source: SourceFile): { env: string[]; files: string[] } {
  const env: string[] = [];
  const files: string[] = [];
  for (const [, reference] of source.text.matchAll(REFERENCE)) {
    const trimmed = reference?.trim();
    if (trimmed?.startsWith('env:')) env.push(trimmed.slice(4));
    if (trimmed?.startsWith('file:')) files.push(fileKey(source.baseDir ?? path.dirname(source.name), trimmed.slice(5)));
  }
  return { env, files };
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
    const tree = readTree(source, problems);
    const at = (offset: number | undefined): Location => ({ file: source.name, ...(tree?.position(offset ?? 0) ?? { line: 1, col: 1 }) });
    return { source, tree: tree!, at };
  });
  if (problems.length > 0) throw new ConfigFileError(problems);

  const vars = collectVars(parsed, problems);
  for (const [name, value] of Object.entries(options.vars ?? {})) vars.set(name, { value });
  const env = options.env ?? process.env;

  const files = parsed.map(({ source, tree, at }): ParsedFile => {
    const written = secretsWrittenOut(tree.value);
    const resolved = resolveTree(tree, (text, offset) => resolveReferences(text, {
      vars, env, files: options.files, baseDir: source.baseDir ?? path.dirname(source.name), at: at(offset), problems,
    }), () => problems.push({ message: `more than ${MAX_ALIAS_COPIES} copies made by aliases`, at: at(0) }));
    const value = (resolved.value ?? {}) as unknown;
    const locate = (keys: readonly string[], part: 'key' | 'value' = 'key') => at(offsetOf(resolved, keys, part));
    for (const error of schemaErrors(value)) problems.push({ message: error.message, at: locate(error.keys, error.part) });
    for (const keys of written) {
      problems.push({ message: `${keys.at(-1)} must be an \${env:NAME} or \${file:path} reference, never the secret itself`, at: locate(keys, 'value') });
    }
    return { name: source.name, value: value as ConfigDocument, locate };
  });
  if (problems.length > 0) throw new ConfigFileError(problems);
  return files;
}

/** A secret as the file must give it: one `${env:...}` or `${file:...}` reference, nothing else. */
const SECRET_REFERENCE = /^\$\{\s*(env|file):[^}]+\}$/;

/**
 * The key paths of secrets the file writes as they are rather than as references (before
 * references are resolved, when they can still be told apart): a workspace's single sign-on
 * client secret.
 */
function secretsWrittenOut(value: unknown): string[][] {
  const workspaces = (value as { workspaces?: unknown } | null)?.workspaces;
  if (workspaces === null || typeof workspaces !== 'object') return [];
  return Object.entries(workspaces).flatMap(([name, workspace]) => {
    const secret = (workspace as { sso?: { clientSecret?: unknown } } | null)?.sso?.clientSecret;
    return typeof secret === 'string' && !SECRET_REFERENCE.test(secret) ? [['workspaces', name, 'sso', 'clientSecret']] : [];
  });
}

/**
 * The file's tree, read by the fast parser. When that parser refuses the file, the `yaml`
 * package reads it again to report every syntax error and duplicate key with its place.
 */
function readTree(source: SourceFile, problems: Problem[]): YamlTree | undefined {
  try {
    return loadYamlTree(source.text);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const found = yamlProblems(source);
    problems.push(...(found.length > 0 ? found : [{
      message: error.reason, at: { file: source.name, line: error.mark.line + 1, col: error.mark.column + 1 },
    }]));
    return undefined;
  }
}

function yamlProblems(source: SourceFile): Problem[] {
  const lineCounter = new LineCounter();
  // The parser's own duplicate-key check compares every key with every other; ours hashes.
  const document = parseDocument(source.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const at = (offset: number): Location => ({ file: source.name, ...lineCounter.linePos(offset) });
  return [
    ...document.errors.map((error) => ({ message: error.message.split('\n')[0]!, at: at(error.pos[0]) })),
    ...duplicateKeys(document).map((key) => ({ message: `the key "${String(key.value)}" appears twice in the same mapping`, at: at(key.range?.[0] ?? 0) })),
  ];
}

interface Variable {
  value: string | number | boolean;
  at?: Location;
}

/** Every file's `vars:` block; a name given twice with different values is a problem. */
function collectVars(files: Array<{ tree: YamlTree; at: (offset: number | undefined) => Location }>, problems: Problem[]): Map<string, Variable> {
  const vars = new Map<string, Variable>();
  for (const { tree, at } of files) {
    const block = (tree.value as { vars?: unknown } | null)?.vars;
    if (block === null || typeof block !== 'object' || Array.isArray(block)) continue;
    const offsets = tree.entries.get(block);
    for (const [name, value] of Object.entries(block)) {
      if (typeof value === 'object') continue;
      const where = at(offsets?.get(name)?.key);
      const earlier = vars.get(name);
      if (earlier && earlier.value !== value) {
        problems.push({ message: `variable "${name}" is also set, to another value, at ${formatLocation(earlier.at!)}`, at: where });
      }
      vars.set(name, { value: value as Variable['value'], at: where });
    }
  }
  return vars;
}

interface ResolveContext {
  vars: Map<string, Variable>;
  env: Record<string, string | undefined>;
  files: Record<string, string> | undefined;
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
    if (context.files) {
      const content = context.files[fileKey(context.baseDir, reference.slice(5))];
      return content === undefined ? fail(`the file ${reference.slice(5)} was not sent with the configuration (\${${reference}})`) : content.replace(/\r?\n$/, '');
    }
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
