import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Envelopes before key rotation existed: `v1.<iv>.<tag>.<ciphertext>`, naming no key. */
const LEGACY_VERSION = 'v1';
const VERSION = 'v2';
const IV_BYTES = 12;
const KEY_ID_BYTES = 6;
export const KEY_BYTES = 32;

/**
 * The public name of a key: the first bytes of HMAC-SHA256(key, 'toolplane:key-id'),
 * base64url. It tells keys apart without revealing anything about them.
 */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('toolplane:key-id').digest().subarray(0, KEY_ID_BYTES).toString('base64url');
}

/**
 * AES-256-GCM sealing of secret values under a key ring: the current key seals, and the
 * current key or any previous one opens. Each envelope is `v2.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64url), so opening picks the key that sealed it; `v1.` envelopes (no key id) are
 * still opened by trying every key. An envelope is bound to `context` as additional
 * authenticated data, so a ciphertext copied onto another resource or secret name fails to
 * open instead of decrypting.
 */
export class SecretBox {
  private readonly key: Buffer;
  /** Key id → key, current first. */
  private readonly ring: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const candidate of [key, ...previousKeys]) {
      if (candidate.length !== KEY_BYTES) throw new Error(`secret key must be ${KEY_BYTES} bytes, got ${candidate.length}`);
    }
    this.key = key;
    this.currentKeyId = keyIdOf(key);
    this.ring = new Map([key, ...previousKeys].map((candidate) => [keyIdOf(candidate), candidate]));
  }

  /** Ids of every key the box holds, the current one first. */
  get keyIds(): string[] {
    return [...this.ring.keys()];
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return [VERSION, this.currentKeyId, ...parts].join('.');
  }

  /** Throws when the envelope was made under a key the ring lacks or another context, or was altered. */
  open(envelope: string, context: string): string {
    const parts = envelope.split('.');
    if (parts[0] === VERSION && parts.length === 5) {
      const key = this.ring.get(parts[1]!);
      if (!key) throw new Error(`sealed under key ${parts[1]}, which is not among this instance's keys`);
      return decrypt(key, parts[2]!, parts[3]!, parts[4]!, context);
    }
    if (parts[0] === LEGACY_VERSION && parts.length === 4) {
      let failure: unknown;
      for (const key of this.ring.values()) {
        try {
          return decrypt(key, parts[1]!, parts[2]!, parts[3]!, context);
        } catch (error) {
          failure = error;
        }
      }
      throw failure;
    }
    throw new Error('not a sealed secret');
  }

  /** Whether the envelope is already sealed under the current key: key rotation leaves it as it is. */
  isCurrent(envelope: string): boolean {
    return envelope.startsWith(`${VERSION}.${this.currentKeyId}.`);
  }

  /** The envelope sealed under the current key: itself when it already is, else opened and sealed anew. */
  reseal(envelope: string, context: string): string {
    return this.isCurrent(envelope) ? envelope : this.seal(this.open(envelope, context), context);
  }

  /** A separate key for another purpose (`label`), derived from the current key with HKDF-SHA256. */
  deriveKey(label: string): Buffer {
    return derive(this.key, label);
  }

  /**
   * The key for `label` derived from every key of the ring, the current one first: what
   * signs uses the first, what verifies accepts any, so links made before a rotation keep
   * working until the previous key is dropped.
   */
  deriveKeys(label: string): Buffer[] {
    return [...this.ring.values()].map((key) => derive(key, label));
  }
}

function decrypt(key: Buffer, iv: string, tag: string, ciphertext: string, context: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

function derive(key: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `toolplane:${label}`, KEY_BYTES));
}

/** Parses a key given as 64 hex characters or as base64 of 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`the secret key must be 32 bytes, as 64 hex characters or base64 (got ${key.length} bytes)`);
  }
  return key;
}

export function generateSecretKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
