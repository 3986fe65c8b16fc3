/**
 * Retool's resource options carry their secrets inline (`database_options.password`,
 * `authentication_options.bearer_token`, ...). Toolplane seals secrets apart from plain
 * options: a string under a secret-looking key leaves the options and becomes a sealed
 * secret named by its dotted path; answers show each at its place as Retool shows sealed
 * values, never in clear.
 */
const SECRET_KEY = /(password|secret|token|private_key|passphrase|secret_access_key|api_key)$/i;

/** What Retool answers in place of a value it keeps encrypted. */
export const SEALED_PLACEHOLDER = '---encrypted-on-server---';

export interface SplitOptions {
  options: Record<string, unknown>;
  secrets: Record<string, string>;
  /** Secrets sent back as the placeholder: the client leaves them as they are. */
  kept: string[];
}

export function splitSecrets(options: Record<string, unknown>): SplitOptions {
  const secrets: Record<string, string> = {};
  const kept: string[] = [];
  const walk = (value: Record<string, unknown>, path: string[]): Record<string, unknown> => Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) => {
      const here = [...path, key];
      if (typeof item === 'string' && SECRET_KEY.test(key)) {
        if (item === SEALED_PLACEHOLDER) kept.push(here.join('.'));
        else secrets[here.join('.')] = item;
        return [];
      }
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) return [[key, walk(item as Record<string, unknown>, here)]];
      return [[key, item]];
    }),
  );
  return { options: walk(options, []), secrets, kept };
}

/** The options with each named secret back at its path, as the placeholder. */
export function withSealedPlaceholders(options: Record<string, unknown>, secretNames: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = structuredClone(options);
  for (const name of secretNames) {
    const path = name.split('.');
    let target = result;
    for (const segment of path.slice(0, -1)) {
      const next = target[segment];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = SEALED_PLACEHOLDER;
  }
  return result;
}

/**
 * The secret changes that make the stored secrets exactly `wanted`: each wanted one set, each
 * stored one no longer wanted removed (null). A placeholder sent back keeps the value stored.
 */
export function secretChanges(stored: readonly string[], wanted: Record<string, string>, kept: readonly string[]): Record<string, string | null> {
  const changes: Record<string, string | null> = { ...wanted };
  for (const name of stored) if (!(name in wanted) && !kept.includes(name)) changes[name] = null;
  return changes;
}
