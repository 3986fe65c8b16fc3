import type { VisibleEntry } from './tree-keys.ts';

/** Characters typed less than this many milliseconds apart make one prefix. */
export const TYPE_AHEAD_RESET_MS = 500;

/** What has been typed so far, and when its last character came (an event's `timeStamp`). */
export interface TypedPrefix {
  text: string;
  at: number;
}

/**
 * The prefix once `key` (a `KeyboardEvent.key`) is typed at `now`: added to the one before
 * when it came within `TYPE_AHEAD_RESET_MS`, a new prefix otherwise. Null when the key is not
 * one printable character, or is a space that would start a prefix (a name may hold a space,
 * but none starts with one), so the key is left to do what it otherwise does.
 */
export function typePrefix(before: TypedPrefix | null, key: string, now: number): TypedPrefix | null {
  if ([...key].length !== 1 || /\p{C}/u.test(key)) return null;
  const continues = before !== null && now - before.at < TYPE_AHEAD_RESET_MS;
  if (!continues && key.trim() === '') return null;
  return { text: continues ? before.text + key : key, at: now };
}

/**
 * The WAI-ARIA tree's type-ahead: the key of the next shown entry after the current one,
 * wrapping round, whose name starts with the prefix regardless of case. A prefix of several
 * characters may stay on the current entry while its name still matches, so typing a name
 * letter by letter keeps the focus there; one character typed over and over ("ss") moves on
 * through the names starting with it. Null when no name matches.
 */
export function typeAheadTarget(entries: readonly VisibleEntry[], currentKey: string, prefix: string): string | null {
  if (prefix === '') return null;
  const index = entries.findIndex((entry) => entry.key === currentKey);
  const wanted = prefix.toLocaleLowerCase();
  const firstFrom = (start: number, text: string) => {
    for (let step = 0; step < entries.length; step++) {
      const entry = entries[(start + step) % entries.length]!;
      if (entry.name.toLocaleLowerCase().startsWith(text)) return entry.key;
    }
    return null;
  };
  const characters = [...wanted];
  if (characters.length > 1) {
    const found = firstFrom(Math.max(index, 0), wanted);
    if (found !== null || characters.some((character) => character !== characters[0])) return found;
  }
  return firstFrom(index + 1, characters[0]!);
}
