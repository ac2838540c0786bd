import { eq } from 'drizzle-orm';
import { conflict, Problem, ruleProblem, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { enrolmentLifecycleEvents, type ActivateAccount, type ActivatedAccount } from '../../contract/index.ts';
import { toAdmission } from '../admissions/admission-commands.ts';
import { createLearner } from '../learners/learner-commands.ts';
import { admissions, learners } from '../shared/tables.ts';

/** Codes are printed in groups and typed by hand: case, spaces and hyphens do not count. */
export const normaliseInvitationCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

const noSuchInvitation = () =>
  // The same answer for an unknown code and a wrong birth date: the form tells nothing to someone guessing codes.
  ruleProblem('unknown-invitation', 'No admission has this invitation code with this birth date: check both against your admission letter.', [
    { in: 'body', field: '/invitationCode', message: 'does not match an admission with this birth date' },
  ]);

/** The learner the admission is for: already linked, or the one with its INE, or the only one with its name and birth date; else a new one. */
async function learnerFor(context: ModuleContext, tx: Transaction, admission: typeof admissions.$inferSelect, input: ActivateAccount, origin: Origin) {
  if (admission.learnerId !== null) {
    const [linked] = await tx.select().from(learners).where(eq(learners.id, admission.learnerId));
    if (linked !== undefined) return linked.code;
  }
  if (admission.ine !== null) {
    const [same] = await tx.select().from(learners).where(eq(learners.ine, admission.ine));
    if (same !== undefined) return same.code;
  }
  const namesakes = await tx.select().from(learners).where(eq(learners.identityKey, admission.identityKey)).limit(2);
  if (namesakes.length === 1) return namesakes[0]!.code;
  // Everything in the caller's transaction: the learner, the account and the link commit together or not at all.
  const inTransaction: ModuleContext = { ...context, db: tx, transaction: (work) => work(tx) };
  const learner = await createLearner(
    inTransaction,
    {
      ine: admission.ine,
      familyName: admission.familyName,
      givenNames: admission.givenNames,
      birthDate: admission.birthDate,
      sex: input.sex,
      birthCountry: input.birthCountry,
      email: input.email,
    },
    // Two namesakes already: the scolarité sorts them out; this admission gets its own record.
    { confirmNew: true },
    origin,
  );
  return learner.code;
}

/**
 * Opens a new student's account from their invitation: the code and the
 * birth date of the admission prove who they are. Creates (or finds) their
 * learner record, links the admission to it, and creates a local account of
 * the embedded provider whose login is their learner code — all in one
 * transaction, announced and audited. One account per learner.
 */
export async function activateAccount(context: ModuleContext, input: ActivateAccount, origin: Origin): Promise<ActivatedAccount> {
  if (!context.accounts.embedded) {
    throw conflict(
      'accounts-external',
      'Your university gives you your account (its directory, not Pégase): sign in with it, then enter your invitation code on your enrolment page.',
    );
  }
  return context.transaction(async (tx) => {
    const [admission] = await tx
      .select()
      .from(admissions)
      .where(eq(admissions.invitationCode, normaliseInvitationCode(input.invitationCode)))
      .for('update');
    if (admission === undefined || admission.birthDate !== input.birthDate) throw noSuchInvitation();
    if (admission.status === 'withdrawn') throw conflict('invitation-used', 'This invitation was withdrawn: contact the scolarité.');
    const learnerCode = await learnerFor(context, tx, admission, input, origin);
    const [learner] = await tx.select().from(learners).where(eq(learners.code, learnerCode));
    const existing = await context.accounts.ofLearner(tx, learnerCode);
    if (existing.length > 0) {
      const taken = existing[0]!.login;
      throw new Problem(
        409,
        'account-exists',
        'Conflict',
        `You already have an account: sign in with the login ${taken} (forgotten password: ask the scolarité).`,
        {
          login: taken,
        },
      );
    }
    const login = learnerCode.toLowerCase();
    const account = await context.accounts.create(tx, {
      login,
      password: input.password,
      displayName: `${admission.givenNames.split(/\s+/)[0]} ${admission.familyName}`,
      email: input.email,
      roles: ['student'],
      learnerCode,
    });
    if (account === undefined) throw conflict('account-exists', `The login ${login} is taken: contact the scolarité.`);
    const [linked] = await tx.update(admissions).set({ learnerId: learner!.id }).where(eq(admissions.id, admission.id)).returning();
    await context.publish(tx, enrolmentLifecycleEvents.accountActivated, toAdmission(linked!), {
      subject: admission.id,
      origin,
      before: toAdmission(admission),
    });
    return { login: account.login, learnerCode, admissionId: admission.id };
  });
}
