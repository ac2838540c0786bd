import { randomBytes, randomUUID } from 'node:crypto';
import { sharedSecret, type Database } from '@pegase/platform';
import type { PaymentProvider } from './provider.ts';
import { SIGNATURE_HEADER, signatureMatches } from './signature.ts';

/** Name of the secret the test provider signs its callbacks with (pegase_platform.secrets, shared by every replica). */
export const TEST_PROVIDER_SECRET = 'payment.test-provider.callback';
export const TEST_BANK_PATH = '/api/payment/v1/provider/test/pages';
export const TEST_CALLBACK_PATH = '/api/payment/v1/provider/test/callback';

/** The secret is drawn at random the first time and kept in the database: every replica and the test bank use the same one. */
export function testProviderSecret(db: Database): Promise<string> {
  return sharedSecret(db, TEST_PROVIDER_SECRET);
}

/**
 * The sandbox's provider: a simulated bank page served by the module
 * (test-bank.ts) where the student presses « Payer » or « Refuser »; no card
 * data, no money. It calls back like a real provider, with a signed body.
 */
export function testProvider(db: Database): PaymentProvider & { secret(): Promise<string> } {
  let secret: Promise<string> | undefined;
  const secretOf = () => (secret ??= testProviderSecret(db));
  return {
    name: 'test',
    secret: secretOf,
    async openSession(paymentId) {
      const session = randomBytes(24).toString('base64url');
      return { session, redirectUrl: `${TEST_BANK_PATH}/${paymentId}?session=${session}` };
    },
    async verifyCallback(rawBody, headers) {
      return signatureMatches(rawBody, headers[SIGNATURE_HEADER], await secretOf());
    },
    async refund() {
      return `TEST-REFUND-${randomUUID()}`;
    },
  };
}
