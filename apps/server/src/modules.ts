import type { PegaseModule } from '@pegase/platform';
import { assessmentModule } from '@pegase/assessment/module';
import { curriculumModule } from '@pegase/curriculum/module';
import { documentsModule } from '@pegase/documents/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { paymentModule } from '@pegase/payment/module';
import { referentialModule } from '@pegase/referential/module';
import { registrationModule } from '@pegase/registration/module';
import { UsageError } from './errors.ts';

/** Every module this build contains, in dependency order. */
export const allModules: PegaseModule[] = [
  referentialModule,
  curriculumModule,
  enrolmentModule,
  paymentModule,
  documentsModule,
  registrationModule,
  assessmentModule,
];

export function selectModules(names: string | undefined): PegaseModule[] {
  if (names === undefined || names.trim() === '') return allModules;
  const wanted = names
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const unknown = wanted.filter((name) => !allModules.some((m) => m.name === name));
  if (unknown.length > 0) throw new UsageError(`unknown module ${unknown.join(', ')}; known modules: ${allModules.map((m) => m.name).join(', ')}`);
  return allModules.filter((m) => wanted.includes(m.name));
}
