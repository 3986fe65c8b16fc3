import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { ConfigDocument } from './schema.ts';

/** Compiled on first use; most files are valid, and the slower error walk runs only for those that are not. */
let validator: ReturnType<typeof compileDocument> | undefined;
const compileDocument = () => Compile(ConfigDocument);

/**
 * The schema's complaints, one per place: the deepest, most specific message where a union
 * produced several (a wrong entry is reported as what it is, not as "must be null").
 */
export function schemaErrors(value: unknown): Array<{ keys: string[]; message: string; part: 'key' | 'value' }> {
  const byPath = new Map<string, { keys: string[]; message: string; rank: number; part: 'key' | 'value' }>();
  const allowedValues = new Map<string, string[]>();
  validator ??= compileDocument();
  if (validator.Check(value)) return [];
  for (const error of Value.Errors(ConfigDocument, value)) {
    if (error.message === 'schema is false') continue;
    const keys = error.instancePath.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as { additionalProperties?: string[]; allowedValue?: unknown };
    const extra = params.additionalProperties;
    if (error.keyword === 'const') {
      const key = keys.join('\u0000');
      const allowed = [...(allowedValues.get(key) ?? []), JSON.stringify(params.allowedValue)];
      allowedValues.set(key, allowed);
      byPath.set(key, { keys, message: `${keys.join('.')} must be one of ${allowed.join(', ')}`, rank: 2, part: 'value' });
      continue;
    }
    const entry = extra
      ? { keys: [...keys, extra[0]!], message: `"${extra[0]}" is not allowed here${allowedHint(keys)}`, rank: 3, part: 'key' as const }
      : { keys, message: `${keys.length > 0 ? keys.join('.') : 'the file'} ${error.message}`, rank: rankOf(error.message), part: 'value' as const };
    const key = entry.keys.join('\u0000');
    const earlier = byPath.get(key);
    if (!earlier || earlier.rank < entry.rank) byPath.set(key, entry);
  }
  const entries = [...byPath.values()];
  // A union's failure is reported at its deepest point; its parents' complaints are noise.
  return entries.filter((entry) => !entries.some((other) => other !== entry
    && other.keys.length > entry.keys.length && entry.keys.every((key, index) => other.keys[index] === key)));
}

function rankOf(message: string): number {
  if (message === 'must be null' || message.includes('anyOf')) return 0;
  return 2;
}

function allowedHint(keys: string[]): string {
  const section = keys.at(-1);
  if (section === 'members') return ': members are keyed by email address';
  if (section === 'userAttributes') return ': attribute names are a-z, 0-9 and _';
  if (section === 'vars') return ': variable names are letters, digits and _';
  if (keys.length === 0) return ' (allowed: vars, workspaces)';
  if (keys.length === 2 && keys[0] === 'workspaces') {
    return ' (allowed: emailDomains, status, twoFactorRequired, scimDefaultRole, prune, environments, userAttributes, groups, members, folders, permissions)';
  }
  return '';
}
