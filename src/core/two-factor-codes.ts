import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashTokenSecret } from './token-secret.ts';

/** The issuer authenticator apps show beside the account. */
export const TOTP_ISSUER = 'Toolplane';
/** RFC 6238's default step, the one every authenticator app uses (with SHA-1 and 6 digits). */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes of one step either side of the current one are accepted: phones' clocks drift. */
const DRIFT_STEPS = 1;

/** A new TOTP secret: 160 random bits (RFC 4226's recommendation), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://totp/Toolplane:<email>?secret=…&issuer=Toolplane` URI an authenticator app enrols from. */
export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

/** The URI as a QR code, an SVG image in a `data:` URL a page can show as it is. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/**
 * The time step `code` belongs to when it is the secret's code for the step of `nowMs` or
 * one step either side; null for any other code, malformed ones included (spaces are
 * ignored, as people copy `123 456`). Compared in constant time by the library.
 */
export async function totpStepOf(secret: string, code: string, nowMs: number): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret, token, period: TOTP_PERIOD_SECONDS, epoch: Math.floor(nowMs / 1000), epochTolerance: TOTP_PERIOD_SECONDS * DRIFT_STEPS,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Recovery codes an account holds at a time. */
export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no i, l, o or u, so a code read aloud or written down survives. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 10 characters of 5 bits: 50 random bits, enough that a fast hash of the code is safe to store. */
const RECOVERY_CODE_LENGTH = 10;

/** RECOVERY_CODE_COUNT distinct new codes, written `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let code = '';
    for (let index = 0; index < RECOVERY_CODE_LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(`${code.slice(0, 5)}-${code.slice(5)}`);
  }
  return [...codes];
}

/**
 * What is stored of the account's recovery code: the SHA-256 of the account id and the code
 * in its canonical form (any case, with or without the dash and spaces, Crockford's
 * look-alikes o→0 and i/l→1 read as digits). The account id keeps one table of precomputed
 * hashes from serving every account. Null for what cannot be a recovery code.
 */
export function recoveryCodeHash(userId: string, code: string): string | null {
  const canonical = code.toLowerCase().replace(/[\s-]+/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
  if (canonical.length !== RECOVERY_CODE_LENGTH || [...canonical].some((char) => !ALPHABET.includes(char))) return null;
  return hashTokenSecret(`${userId}:${canonical}`);
}
