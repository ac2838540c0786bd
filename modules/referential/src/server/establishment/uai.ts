/**
 * The UAI (Unité administrative immatriculée) is 7 digits and a control
 * letter: the 7-digit number modulo 23 indexes this alphabet, which leaves out
 * I, O and Q. For example 0751717J: 751717 mod 23 = 8 → J.
 */
const CONTROL_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

export function uaiControlLetter(digits: string): string {
  return CONTROL_LETTERS[Number(digits) % 23]!;
}

export function isValidUai(uai: string): boolean {
  const match = /^([0-9]{7})([A-Z])$/.exec(uai);
  return match !== null && uaiControlLetter(match[1]!) === match[2];
}
