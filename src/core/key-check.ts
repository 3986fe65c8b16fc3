import type { SecretBox } from './secrets.ts';

/** The setting that holds a known value sealed under the instance key. */
export const KEY_CHECK_SETTING = 'secret_key_check';
const CHECK_CONTEXT = 'toolplane:key-check';
const CHECK_PLAINTEXT = 'toolplane';

/** The key-check value sealed under the box's current key. */
export function sealKeyCheck(box: SecretBox): string {
  return box.seal(CHECK_PLAINTEXT, CHECK_CONTEXT);
}

/** Whether one of the box's keys (current or previous) opens the stored key-check value. */
export function opensKeyCheck(box: SecretBox, stored: string): boolean {
  try {
    return box.open(stored, CHECK_CONTEXT) === CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}
