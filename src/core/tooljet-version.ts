import { invalidInput } from './errors.ts';

/**
 * The ToolJet release whose export files this server writes, and the newest one whose files
 * it imports: a newer ToolJet may have changed the file's meaning in ways not known here.
 */
export const TOOLJET_COMPATIBLE_VERSION = '3.16.0';

/** `3.16.0`, `v2.50`, `2.50.0-ee-lts`, `3.0.0+build.7`: numbers, then an optional label. */
const VERSION = /^v?([0-9]+(?:\.[0-9]+)*)(?:[-+][0-9A-Za-z.+-]*)?$/;

/** The numeric parts of a ToolJet version (`2.50.0-ee-lts` → `['2', '50', '0']`), or null when it is not one. */
export function parseTooljetVersion(text: string): string[] | null {
  const match = VERSION.exec(text.trim());
  return match ? match[1]!.split('.') : null;
}

/**
 * Compares two parsed versions part by part as numbers of any size (`2.9` < `2.10`); a
 * missing part counts as 0 (`3.16` = `3.16.0`). Negative, zero or positive as `a` is older,
 * the same, or newer. Labels are ignored: `3.16.0-ee` is 3.16.0.
 */
export function compareTooljetVersions(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = compareNumerals(a[i] ?? '0', b[i] ?? '0');
    if (order !== 0) return order;
  }
  return 0;
}

function compareNumerals(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/, '');
  const y = b.replace(/^0+(?=.)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Throws invalid_input unless `version` names a ToolJet release no newer than TOOLJET_COMPATIBLE_VERSION. */
export function checkImportableVersion(version: string | undefined): void {
  if (version === undefined || version.trim() === '') {
    throw invalidInput('tooljet_version', 'is required: the ToolJet version the app was exported from');
  }
  const parts = parseTooljetVersion(version);
  if (!parts) throw invalidInput('tooljet_version', `"${version}" is not a ToolJet version such as ${TOOLJET_COMPATIBLE_VERSION}`);
  if (compareTooljetVersions(parts, parseTooljetVersion(TOOLJET_COMPATIBLE_VERSION)!) > 0) {
    throw invalidInput(
      'tooljet_version',
      `the app was exported from ToolJet ${version}, newer than ${TOOLJET_COMPATIBLE_VERSION}, the newest this server imports`,
      'tooljet_version_unsupported',
    );
  }
}
