/**
 * Characters a terminal would act on or hide rather than show: C0 and C1 controls, DEL, the
 * Unicode marks that reorder or hide text (bidirectional overrides and isolates, zero-width
 * characters, line and paragraph separators), and the backslash that starts an escape.
 */
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` as human-readable output may print it: what a terminal would act on is written as a
 * visible escape (`\n`, `\x1b`, `\u202e`; a backslash as `\\`), so stored data can neither
 * move the cursor, recolour or retitle the terminal, nor pass for other text or other rows.
 * JSON output does not need it and keeps values exact.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const named = NAMED[character];
    if (named) return named;
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
