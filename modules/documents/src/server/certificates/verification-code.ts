import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const CODE_LENGTH = 20;

/**
 * A new verification code: 20 characters of base 32 (RFC 4648 alphabet),
 * 100 bits from the operating system's random source — too many to guess or
 * to enumerate, short enough to type from paper.
 */
export function newVerificationCode(): string {
  let code = '';
  let value = 0;
  let bits = 0;
  for (const byte of randomBytes(13)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return code.slice(0, CODE_LENGTH);
}

/**
 * A code as a person may type it: case, spaces and hyphens ignored, and the
 * digits 0, 1 and 8 (not in the alphabet) read as the letters O, I and B they
 * look like. Undefined when it cannot be a code.
 */
export function normaliseCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/0/g, 'O').replace(/1/g, 'I').replace(/8/g, 'B');
  return new RegExp(`^[A-Z2-7]{${CODE_LENGTH}}$`).test(code) ? code : undefined;
}

/** As printed: five groups of four, ABCD-EFGH-IJKL-MNOP-QRST. */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
