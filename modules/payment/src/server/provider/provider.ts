import type { IncomingHttpHeaders } from 'node:http';

/** Where the browser goes to pay, and the provider's token for that session. */
export interface ProviderSession {
  redirectUrl: string;
  session: string;
}

/**
 * What Pégase needs from a payment provider (a bank's hosted payment page,
 * a payment service). The provider collects the money on its own page and
 * tells the module what happened through a callback to
 * `POST /provider/<name>/callback`, whose body it signs; the module never
 * sees card data. An adapter for a real provider implements this interface
 * and is added to `providers()`.
 */
export interface PaymentProvider {
  readonly name: 'test';
  /** Opens the provider's session for a payment: the browser is sent to `redirectUrl`. */
  openSession(paymentId: string): Promise<ProviderSession>;
  /** Is this callback signed by the provider? Checked on the raw bytes of the body, before anything is read from it. */
  verifyCallback(rawBody: Buffer, headers: IncomingHttpHeaders): Promise<boolean>;
  /** Asks the provider to pay `amountCents` back; answers the provider's reference of the refund. */
  refund(paymentId: string, amountCents: number): Promise<string>;
}
