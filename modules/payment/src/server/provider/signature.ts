import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a provider's callback carries: `sha256=<hex HMAC-SHA256 of the raw body with the shared secret>`. */
export const SIGNATURE_HEADER = 'x-pegase-signature';

export function sign(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Compares in constant time; a missing, malformed or wrong signature is false. */
export function signatureMatches(rawBody: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(sign(rawBody, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
