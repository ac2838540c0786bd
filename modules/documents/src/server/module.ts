import { configVariables, defineModule, type PegaseModule } from '@pegase/platform';
import { documentsEvents, documentsPermissionDeclarations } from '../contract/index.ts';
import { certificateRoutes } from './certificates/certificate-routes.ts';
import { verificationRoutes } from './certificates/verification-routes.ts';
import { enrolmentReadModel } from './read-models/enrolment-read-model.ts';
import { offerReadModel } from './read-models/offer-read-model.ts';
import { referentialReadModel } from './read-models/referential-read-model.ts';
import { resultsReadModel } from './read-models/results-read-model.ts';
import { resultsRoutes } from './results/results-routes.ts';

export interface DocumentsOptions {
  /** Base URL printed in the verification links and QR codes; by default the process's public URL. */
  publicUrl?: string;
}

/**
 * Where the verification pages are reached from outside: PEGASE_PUBLIC_URL,
 * else http://localhost:PORT — the rule the embedded provider's issuer follows.
 */
export function publicUrlFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  const publicUrl = env[configVariables.publicUrl.name];
  const parsed = publicUrl ? configVariables.publicUrl.parse(publicUrl) : undefined;
  if (parsed !== undefined) return parsed;
  const port = configVariables.port.parse(env[configVariables.port.name] || configVariables.port.defaultValue);
  return `http://localhost:${port ?? configVariables.port.defaultValue}`;
}

export function createDocumentsModule(options: DocumentsOptions = {}): PegaseModule {
  return defineModule({
    name: 'documents',
    title: 'Documents',
    description:
      'Certificates of enrolment (certificats de scolarité), transcripts (relevés de notes) and pass certificates (attestations de réussite) of published results as PDF, in French and English, each with a verification code and a QR code leading to a public page that confirms it and says what it certifies, or shows a certificate of enrolment revoked once the enrolment is cancelled.',
    migrations: new URL('../../migrations/', import.meta.url),
    permissions: documentsPermissionDeclarations,
    events: Object.values(documentsEvents),
    async routes(app, context) {
      const publicUrl = (options.publicUrl ?? publicUrlFromEnvironment()).replace(/\/+$/, '');
      await certificateRoutes(app, context, publicUrl);
      await resultsRoutes(app, context, publicUrl);
      await verificationRoutes(app, context);
    },
    handlers: (context) => [...referentialReadModel(), ...offerReadModel(), ...enrolmentReadModel(context), ...resultsReadModel()],
  });
}

export const documentsModule = createDocumentsModule();
