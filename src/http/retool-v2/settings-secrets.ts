/**
 * Settings whose secrets sit at known places (`config.private_key`, `google_client_secret`):
 * taken out to be sealed, and put back in answers as a placeholder. A placeholder sent back
 * keeps the stored value.
 */
export interface SplitSettings {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  kept: string[];
}

export function splitAt(settings: Record<string, unknown>, secretPaths: readonly string[], placeholder: string): SplitSettings {
  const result: Record<string, unknown> = structuredClone(settings);
  const secrets: Record<string, string> = {};
  const kept: string[] = [];
  for (const path of secretPaths) {
    const segments = path.split('.');
    const parent = segments.slice(0, -1).reduce<unknown>((node, segment) =>
      (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), result);
    const key = segments[segments.length - 1]!;
    if (parent === null || typeof parent !== 'object') continue;
    const value = (parent as Record<string, unknown>)[key];
    if (typeof value !== 'string') continue;
    if (value === placeholder) kept.push(path);
    else secrets[path] = value;
    delete (parent as Record<string, unknown>)[key];
  }
  return { settings: result, secrets, kept };
}

/** The settings with each named secret back at its path as the placeholder. */
export function withPlaceholders(settings: Record<string, unknown>, secretNames: readonly string[], placeholder: string): Record<string, unknown> {
  const result: Record<string, unknown> = structuredClone(settings);
  for (const path of secretNames) {
    const segments = path.split('.');
    let node = result;
    for (const segment of segments.slice(0, -1)) {
      if (node[segment] === null || typeof node[segment] !== 'object') node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    }
    node[segments[segments.length - 1]!] = placeholder;
  }
  return result;
}
