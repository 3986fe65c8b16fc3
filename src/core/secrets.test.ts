import { describe, expect, it } from 'vitest';
import { KEY_BYTES, SecretBox, generateSecretKey, keyIdOf, parseSecretKey } from './secrets.ts';
import { legacySeal } from '../../test/helpers/legacy-seal.ts';

const HEX_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const CONTEXT = 'resource:r1:secret:password';

describe('SecretBox', () => {
  const box = new SecretBox(parseSecretKey(HEX_KEY));

  it('opens what it sealed, in the same context', () => {
    for (const plaintext of ['hunter2', '', 'päss wörd ✓ \n with newline', 'x'.repeat(10_000)]) {
      const envelope = box.seal(plaintext, CONTEXT);
      expect(envelope.startsWith(`v2.${box.currentKeyId}.`)).toBe(true);
      expect(envelope.split('.')).toHaveLength(5);
      if (plaintext.length > 0) expect(envelope).not.toContain(plaintext);
      expect(box.open(envelope, CONTEXT)).toBe(plaintext);
    }
  });

  it('seals the same plaintext differently each time', () => {
    const first = box.seal('same', CONTEXT);
    const second = box.seal('same', CONTEXT);
    expect(first).not.toBe(second);
    expect(box.open(first, CONTEXT)).toBe('same');
    expect(box.open(second, CONTEXT)).toBe('same');
  });

  it('refuses to open under another key', () => {
    const envelope = box.seal('hunter2', CONTEXT);
    const other = new SecretBox(generateSecretKey());
    expect(() => other.open(envelope, CONTEXT)).toThrow();
  });

  it('refuses to open in another context', () => {
    const envelope = box.seal('hunter2', CONTEXT);
    expect(() => box.open(envelope, 'resource:r2:secret:password')).toThrow();
    expect(() => box.open(envelope, 'resource:r1:secret:apiKey')).toThrow();
  });

  it('refuses a tampered ciphertext, tag or iv', () => {
    const envelope = box.seal('hunter2', CONTEXT);
    const parts = envelope.split('.');
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = bytes[0]! ^ 0x01;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString('base64url') : part)).join('.');
      expect(() => box.open(tampered, CONTEXT), `part ${index} altered`).toThrow();
    }
  });

  it('refuses something that is not an envelope', () => {
    expect(() => box.open('hunter2', CONTEXT)).toThrow('not a sealed secret');
    expect(() => box.open(box.seal('hunter2', CONTEXT).replace(/^v2\./, 'v3.'), CONTEXT)).toThrow('not a sealed secret');
    expect(() => box.open('v1.abc.def', CONTEXT)).toThrow('not a sealed secret');
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow();
    expect(() => new SecretBox(Buffer.alloc(33))).toThrow();
  });
});

describe('parseSecretKey', () => {
  it('accepts 64 hex characters, in either case and with surrounding whitespace', () => {
    const key = parseSecretKey(HEX_KEY);
    expect(key).toHaveLength(KEY_BYTES);
    expect(key.toString('hex')).toBe(HEX_KEY);
    expect(parseSecretKey(`  ${HEX_KEY.toUpperCase()}\n`).equals(key)).toBe(true);
  });

  it('accepts base64 of 32 bytes', () => {
    const bytes = generateSecretKey();
    expect(parseSecretKey(bytes.toString('base64')).equals(bytes)).toBe(true);
  });

  it('rejects keys of any other length or form', () => {
    expect(() => parseSecretKey('')).toThrow();
    expect(() => parseSecretKey(HEX_KEY.slice(0, 62))).toThrow();
    expect(() => parseSecretKey(`${HEX_KEY}00`)).toThrow();
    expect(() => parseSecretKey(Buffer.alloc(16).toString('base64'))).toThrow();
    expect(() => parseSecretKey(Buffer.alloc(33).toString('base64'))).toThrow();
    expect(() => parseSecretKey('not a key at all')).toThrow();
  });
});


describe('SecretBox key ring', () => {
  const oldKey = generateSecretKey();
  const newKey = generateSecretKey();
  const before = new SecretBox(oldKey);
  const during = new SecretBox(newKey, [oldKey]);
  const after = new SecretBox(newKey);

  it('names keys by a stable id that is not the key', () => {
    expect(keyIdOf(oldKey)).toBe(keyIdOf(Buffer.from(oldKey)));
    expect(keyIdOf(oldKey)).not.toBe(keyIdOf(newKey));
    expect(keyIdOf(oldKey)).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(oldKey.toString('base64url')).not.toContain(keyIdOf(oldKey));
    expect(during.currentKeyId).toBe(keyIdOf(newKey));
    expect(during.keyIds).toEqual([keyIdOf(newKey), keyIdOf(oldKey)]);
  });

  it('seals with the current key and opens what a previous key sealed', () => {
    const old = before.seal('hunter2', CONTEXT);
    expect(during.open(old, CONTEXT)).toBe('hunter2');
    const fresh = during.seal('hunter2', CONTEXT);
    expect(fresh.startsWith(`v2.${keyIdOf(newKey)}.`)).toBe(true);
    expect(after.open(fresh, CONTEXT)).toBe('hunter2');
    expect(() => before.open(fresh, CONTEXT)).toThrow(/not among this instance's keys/);
    expect(() => after.open(old, CONTEXT)).toThrow(/not among this instance's keys/);
  });

  it('still opens legacy v1 envelopes under the current or a previous key', () => {
    expect(during.open(legacySeal(oldKey, 'legacy-old', CONTEXT), CONTEXT)).toBe('legacy-old');
    expect(during.open(legacySeal(newKey, 'legacy-new', CONTEXT), CONTEXT)).toBe('legacy-new');
    expect(() => after.open(legacySeal(oldKey, 'legacy-old', CONTEXT), CONTEXT)).toThrow();
    expect(() => during.open(legacySeal(oldKey, 'legacy-old', CONTEXT), 'another context')).toThrow();
  });

  it('reseals under the current key, leaving current envelopes untouched', () => {
    const old = before.seal('hunter2', CONTEXT);
    expect(during.isCurrent(old)).toBe(false);
    const resealed = during.reseal(old, CONTEXT);
    expect(during.isCurrent(resealed)).toBe(true);
    expect(after.open(resealed, CONTEXT)).toBe('hunter2');
    expect(during.reseal(resealed, CONTEXT)).toBe(resealed);
    const legacy = during.reseal(legacySeal(oldKey, 'legacy', CONTEXT), CONTEXT);
    expect(after.open(legacy, CONTEXT)).toBe('legacy');
    expect(() => during.reseal(old, 'another context')).toThrow();
  });

  it('derives purpose keys from every key, the current one first', () => {
    expect(during.deriveKey('invite-links').equals(after.deriveKey('invite-links'))).toBe(true);
    const derived = during.deriveKeys('invite-links');
    expect(derived).toHaveLength(2);
    expect(derived[0]!.equals(after.deriveKey('invite-links'))).toBe(true);
    expect(derived[1]!.equals(before.deriveKey('invite-links'))).toBe(true);
  });

  it('holds a key given twice once, and refuses a previous key of the wrong size', () => {
    expect(new SecretBox(newKey, [newKey, oldKey, oldKey]).keyIds).toEqual(during.keyIds);
    expect(() => new SecretBox(newKey, [Buffer.alloc(16)])).toThrow();
  });
});
