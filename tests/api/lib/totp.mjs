// RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) for the API tests, from a base32 secret.
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export const STEP_SECONDS = 30;

/** Decodes RFC 4648 base32 (upper or lower case, padding and spaces ignored). */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${JSON.stringify(ch)}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 4226 HOTP value for a counter. */
export function hotp(key, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** The current time step (floor(unix seconds / 30)). */
export function currentStep(nowMs = Date.now()) {
  return Math.floor(nowMs / 1000 / STEP_SECONDS);
}

/** The TOTP code of a base32 secret for a step (default: now; `offset` adds steps). */
export function totpCode(secret, { step = currentStep(), offset = 0 } = {}) {
  return hotp(base32Decode(secret), step + offset);
}

/**
 * Waits until at least `seconds` remain in the current step, so that a sequence of codes for
 * steps -1, 0 and +1 stays inside the server's ±1 window. Returns the step to use.
 */
export async function stepWithRoom(seconds = 12) {
  const left = STEP_SECONDS - ((Date.now() / 1000) % STEP_SECONDS);
  if (left < seconds) await sleep(Math.ceil(left * 1000) + 50);
  return currentStep();
}
