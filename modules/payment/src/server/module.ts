import { defineModule, type ModuleContext } from '@pegase/platform';
import { paymentEvents, paymentPermissionDeclarations } from '../contract/index.ts';
import { feeRoutes } from './fees/fee-routes.ts';
import type { Providers } from './payments/payment-commands.ts';
import { paymentRoutes } from './payments/payment-routes.ts';
import { testBankRoutes } from './provider/test-bank.ts';
import { testProvider } from './provider/test-provider.ts';
import { enrolmentReadModel } from './read-models/enrolment-read-model.ts';
import { pointReadModel } from './read-models/point-read-model.ts';
import { referentialReadModel } from './read-models/referential-read-model.ts';
import { loadSandbox } from './sandbox/sandbox.ts';

export const paymentModule = defineModule({
  name: 'payment',
  title: 'Payment (PAI)',
  description:
    'Fee rules per period (amount per diploma level, exemptions and reductions by profile, extra lines) with the breakdown of every amount; payments at once or in three instalments through a provider adapter (a simulated bank in the sandbox) with signed, idempotent callbacks; refunds recorded, never deleted. Amounts in cents.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: paymentPermissionDeclarations,
  events: Object.values(paymentEvents),
  async routes(app, context: ModuleContext) {
    const test = testProvider(context.db);
    const providers: Providers = { test };
    await feeRoutes(app, context);
    await paymentRoutes(app, context, providers);
    await testBankRoutes(app, context, test.secret);
  },
  handlers: (context) => [...referentialReadModel(), ...pointReadModel(), ...enrolmentReadModel(context)],
  sandbox: loadSandbox,
});
