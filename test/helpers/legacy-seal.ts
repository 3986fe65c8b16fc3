import { createCipheriv, randomBytes } from 'node:crypto';

/**
 * An envelope in the format written before key rotation existed, `v1.<iv>.<tag>.<ciphertext>`,
 * naming no key: stores made then still hold such values.
 */
export function legacySeal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
}
