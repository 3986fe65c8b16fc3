import { scimError } from './scim-errors.ts';

/**
 * The SCIM filter grammar (RFC 7644 §3.4.2.2) as an abstract syntax tree, and its parser.
 *
 * The parser takes what real clients send besides the RFC's own forms: keywords and
 * operators in any case, `true`/`false`/`null` in any case, a bare word where a quoted
 * string belongs (`externalId eq jyoung`, from Entra's documentation), and a comparison
 * after a value path (`emails[type eq "work"].value eq "x"`, Entra's matching query), read
 * as one element that matches both. Any input it cannot read throws `invalidFilter`, and
 * nothing else.
 */

export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

/** `urn:…:User:name.givenName` is `{ urn: 'urn:…:User', attribute: 'name', subAttribute: 'givenName' }`. */
export interface AttributePath {
  urn?: string;
  attribute: string;
  subAttribute?: string;
}

export type Filter =
  | { kind: 'compare'; path: AttributePath; operator: CompareOperator; value: FilterValue }
  | { kind: 'present'; path: AttributePath }
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; filter: Filter }
  /** Some element of the multi-valued `path` matches `filter`, whose paths name its sub-attributes. */
  | { kind: 'valuePath'; path: AttributePath; filter: Filter };

const OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
/** Longer filters are refused: no client sends one, and the parser's work grows with the length. */
export const MAX_FILTER_LENGTH = 4096;
/** Deeper nesting of parentheses and `not` is refused before it can exhaust the stack. */
const MAX_DEPTH = 32;
const NAME_CHAR = /[A-Za-z0-9_$-]/;
const PATH_CHAR = /[A-Za-z0-9_$:.-]/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) throw invalidFilter(`the filter is longer than ${MAX_FILTER_LENGTH} characters`);
  const parser = new FilterParser(text);
  const filter = parser.parseOr(0, false);
  parser.skipSpace();
  if (!parser.atEnd()) throw invalidFilter(`unexpected "${parser.rest(12)}" at position ${parser.position + 1}`);
  return filter;
}

/** Parses an attribute path (`name.givenName`, `urn:…:User:manager.value`); invalidFilter unless it is one. */
export function parseAttributePath(text: string): AttributePath {
  const path = splitPath(text);
  if (!path) throw invalidFilter(`"${text}" is not an attribute path`);
  return path;
}

export function invalidFilter(detail: string) {
  return scimError('invalidFilter', `Invalid filter: ${detail}`);
}

class FilterParser {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  rest(length: number): string {
    return this.text.slice(this.position, this.position + length);
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.position]!)) this.position += 1;
  }

  /** `inBrackets`: inside a value path's `[...]`, where another value path may not start. */
  parseOr(depth: number, inBrackets: boolean): Filter {
    let left = this.parseAnd(depth, inBrackets);
    while (this.takeKeyword('or')) left = { kind: 'or', left, right: this.parseAnd(depth, inBrackets) };
    return left;
  }

  private parseAnd(depth: number, inBrackets: boolean): Filter {
    let left = this.parseUnary(depth, inBrackets);
    while (this.takeKeyword('and')) left = { kind: 'and', left, right: this.parseUnary(depth, inBrackets) };
    return left;
  }

  private parseUnary(depth: number, inBrackets: boolean): Filter {
    if (depth > MAX_DEPTH) throw invalidFilter(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    if (this.peekKeyword('not')) {
      const save = this.position;
      this.position += 'not'.length;
      this.skipSpace();
      if (this.text[this.position] === '(') return { kind: 'not', filter: this.parseGroup(depth, inBrackets) };
      // `not` followed by anything else is an attribute named "not".
      this.position = save;
    }
    if (this.text[this.position] === '(') return this.parseGroup(depth, inBrackets);
    return this.parseAttributeExpression(depth, inBrackets);
  }

  private parseGroup(depth: number, inBrackets: boolean): Filter {
    this.expect('(');
    const inner = this.parseOr(depth + 1, inBrackets);
    this.skipSpace();
    this.expect(')');
    return inner;
  }

  private parseAttributeExpression(depth: number, inBrackets: boolean): Filter {
    const start = this.position;
    const path = this.readPath();
    if (this.text[this.position] === '[') {
      if (inBrackets) throw invalidFilter(`a value path inside a value path at position ${this.position + 1}`);
      if (path.subAttribute !== undefined) throw invalidFilter(`a value path on a sub-attribute at position ${start + 1}`);
      this.position += 1;
      const inner = this.parseOr(depth + 1, true);
      this.skipSpace();
      this.expect(']');
      if (this.text[this.position] !== '.') return { kind: 'valuePath', path, filter: inner };
      // Entra's `emails[type eq "work"].value eq "x"`: one element matching both.
      this.position += 1;
      const subStart = this.position;
      const sub = this.readName();
      if (!sub) throw invalidFilter(`a sub-attribute name expected at position ${subStart + 1}`);
      const tail = this.parseComparison({ attribute: sub });
      return { kind: 'valuePath', path, filter: { kind: 'and', left: inner, right: tail } };
    }
    return this.parseComparison(path);
  }

  private parseComparison(path: AttributePath): Filter {
    this.skipSpace();
    const operatorStart = this.position;
    const operator = this.readName().toLowerCase();
    if (operator === 'pr') return { kind: 'present', path };
    if (!OPERATORS.has(operator)) {
      throw invalidFilter(operator ? `unknown operator "${operator}" at position ${operatorStart + 1}` : `an operator expected at position ${operatorStart + 1}`);
    }
    this.skipSpace();
    return { kind: 'compare', path, operator: operator as CompareOperator, value: this.readValue() };
  }

  private readValue(): FilterValue {
    const start = this.position;
    if (this.text[this.position] === '"') return this.readString();
    let end = this.position;
    while (end < this.text.length && !/[\s()[\]]/.test(this.text[end]!)) end += 1;
    const word = this.text.slice(start, end);
    if (!word) throw invalidFilter(`a value expected at position ${start + 1}`);
    this.position = end;
    const lower = word.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (NUMBER.test(word)) return Number(word);
    // A bare word is a string (Entra's documentation shows `externalId eq jyoung`).
    return word;
  }

  /** A JSON string: the quotes, and escapes as JSON has them. */
  private readString(): string {
    const start = this.position;
    let end = start + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
    if (end >= this.text.length) throw invalidFilter(`unterminated string at position ${start + 1}`);
    this.position = end + 1;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      throw invalidFilter(`malformed string at position ${start + 1}`);
    }
  }

  private readPath(): AttributePath {
    const start = this.position;
    while (!this.atEnd() && PATH_CHAR.test(this.text[this.position]!)) this.position += 1;
    const raw = this.text.slice(start, this.position);
    if (!raw) {
      throw invalidFilter(this.atEnd() ? 'the filter ends where an attribute was expected' : `an attribute expected at position ${start + 1}`);
    }
    const path = splitPath(raw);
    if (!path) throw invalidFilter(`"${raw}" is not an attribute path`);
    return path;
  }

  private readName(): string {
    const start = this.position;
    while (!this.atEnd() && NAME_CHAR.test(this.text[this.position]!)) this.position += 1;
    return this.text.slice(start, this.position);
  }

  private peekKeyword(keyword: string): boolean {
    const next = this.text[this.position + keyword.length];
    return this.text.slice(this.position, this.position + keyword.length).toLowerCase() === keyword
      && (next === undefined || !NAME_CHAR.test(next));
  }

  /** Takes ` keyword ` when it comes next (after white space); a keyword must stand alone. */
  private takeKeyword(keyword: string): boolean {
    const save = this.position;
    this.skipSpace();
    if (this.position > save || this.text[this.position - 1] === ')' || this.text[this.position - 1] === ']' || this.text[this.position - 1] === '"') {
      if (this.peekKeyword(keyword)) {
        this.position += keyword.length;
        return true;
      }
    }
    this.position = save;
    return false;
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) {
      throw invalidFilter(this.atEnd() ? `"${char}" expected at the end` : `"${char}" expected at position ${this.position + 1}`);
    }
    this.position += 1;
  }
}

/**
 * Splits `urn:…:Resource:attr.sub` into its parts: a URN is everything up to the last colon.
 * Null when a part is not a name (empty, or more than one dot after the attribute).
 */
function splitPath(raw: string): AttributePath | null {
  let urn: string | undefined;
  let rest = raw;
  if (/^urn:/i.test(raw)) {
    const colon = raw.lastIndexOf(':');
    urn = raw.slice(0, colon);
    rest = raw.slice(colon + 1);
  } else if (raw.includes(':')) {
    return null;
  }
  const parts = rest.split('.');
  if (parts.length > 2 || parts.some((part) => !/^\$?[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(part))) return null;
  return { ...(urn ? { urn } : {}), attribute: parts[0]!, ...(parts[1] ? { subAttribute: parts[1] } : {}) };
}
