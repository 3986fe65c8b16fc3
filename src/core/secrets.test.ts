import { describe, expect, it } from 'vitest';
import { KEY_BYTES, SecretBox, generateSecretKey, parseSecretKey } from './secrets.ts';

const HEX_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const CONTEXT = 'resource:r1:secret:password';

describe('SecretBox', () => {
  const box = new SecretBox(parseSecretKey(HEX_KEY));

  it('opens what it sealed, in the same context', () => {
    for (const plaintext of ['hunter2', '', 'päss wörd ✓ \n with newline', 'x'.repeat(10_000)]) {
      const envelope = box.seal(plaintext, CONTEXT);
      expect(envelope.startsWith('v1.')).toBe(true);
      expect(envelope.split('.')).toHaveLength(4);
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
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0] = bytes[0]! ^ 0x01;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString('base64url') : part)).join('.');
      expect(() => box.open(tampered, CONTEXT), `part ${index} altered`).toThrow();
    }
  });

  it('refuses something that is not an envelope', () => {
    expect(() => box.open('hunter2', CONTEXT)).toThrow('not a sealed secret');
    expect(() => box.open(box.seal('hunter2', CONTEXT).replace(/^v1\./, 'v2.'), CONTEXT)).toThrow('not a sealed secret');
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
