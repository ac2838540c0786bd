import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword, findAccount, type ModuleContext, type TokenClaims } from '@pegase/platform';
import { enrolmentRuntime } from '../../../test/enrolment-fixture.ts';
import { activateAccount } from './activation-commands.ts';

const PASSWORD = 'correct horse battery';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('a new student activates their account from their invitation', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  const invitations = new Map<string, string>();
  const activate = (body: unknown) => f.runtime.request('POST', '/api/enrolment/v1/activation', body, {}, null);
  const postForm = (fields: Record<string, string>) =>
    f.runtime.request('POST', '/api/enrolment/v1/activation/form', form(fields), { 'content-type': 'application/x-www-form-urlencoded' }, null);

  beforeAll(async () => {
    f = await enrolmentRuntime();
    for (const admission of await f.admit(['Durand;Alice Marie;2007-04-02', 'Nguyen;Bao;2007-12-31', 'Rousseau;Ada;2006-01-01'])) {
      invitations.set(admission.familyName, admission.invitationCode);
    }
  });
  afterAll(async () => f.runtime.close());

  it('refuses an unknown code and a wrong birth date alike (422), creating nothing', async () => {
    const base = { sex: 'F', birthCountry: '100', email: 'alice@example.org', password: PASSWORD };
    const unknown = await activate({ ...base, invitationCode: 'ABCDEFGHJKMNPQRS', birthDate: '2007-04-02' });
    const wrongBirth = await activate({ ...base, invitationCode: invitations.get('Durand'), birthDate: '2007-04-03' });
    for (const response of [unknown, wrongBirth]) {
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ type: 'urn:pegase:problem:unknown-invitation' });
    }
    expect(unknown.json().detail).toBe(wrongBirth.json().detail);
    const short = await activate({ ...base, invitationCode: invitations.get('Durand'), birthDate: '2007-04-02', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect((await f.runtime.request('GET', '/api/enrolment/v1/learners?q=Durand')).json().items).toHaveLength(0);
  });

  it('opens the account and the learner record together; the student then signs in and enrols from the invitation', async () => {
    const code = invitations.get('Durand')!;
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8).toLowerCase()}`;
    const response = await activate({
      invitationCode: typed,
      birthDate: '2007-04-02',
      sex: 'F',
      birthCountry: '100',
      email: 'alice@example.org',
      password: PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { login, learnerCode } = response.json() as { login: string; learnerCode: string };
    expect(login).toBe(learnerCode.toLowerCase());
    const learner = (await f.runtime.request('GET', `/api/enrolment/v1/learners?q=${learnerCode}`)).json().items[0];
    expect(learner).toMatchObject({ familyName: 'Durand', givenNames: 'Alice Marie', birthDate: '2007-04-02', sex: 'F', email: 'alice@example.org' });
    expect(await findAccount(f.runtime.database.db, login)).toMatchObject({ roles: ['student'], learnerCode, displayName: 'Alice Durand', source: 'local' });
    expect((await checkPassword(f.runtime.database.db, login, PASSWORD)).ok).toBe(true);
    const audit = (await f.runtime.request('GET', `/api/audit/v1/entries?targetType=admission&targetId=${response.json().admissionId}`)).json();
    expect(audit.items.map((entry: { action: string }) => entry.action)).toContain('admission.account-activated');

    const again = await activate({
      invitationCode: code,
      birthDate: '2007-04-02',
      sex: 'F',
      birthCountry: '100',
      email: 'alice@example.org',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:pegase:problem:account-exists', login });

    const alice: TokenClaims = { subject: login, login, roles: ['student'], learnerCode };
    const mine = (await f.runtime.request('GET', '/api/enrolment/v1/me/admissions', undefined, {}, alice)).json();
    expect(mine).toHaveLength(1);
    const started = await f.runtime.request('POST', '/api/enrolment/v1/me/enrolments', { invitationCode: code, regime: 'FI' }, {}, alice);
    expect(started.statusCode, started.body).toBe(201);
  });

  it('links the admission of someone already known (same name and birth date) to their record instead of making another', async () => {
    const response = await activate({
      invitationCode: invitations.get('Rousseau'),
      birthDate: '2006-01-01',
      sex: 'F',
      birthCountry: '100',
      email: 'ada@example.org',
      password: PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().learnerCode).toBe((f.learner as unknown as { code: string }).code);
    expect((await f.runtime.request('GET', '/api/enrolment/v1/learners?q=Rousseau')).json().items).toHaveLength(1);
  });

  it('serves an accessible form in French and English, and answers it with the errors beside the fields', async () => {
    const page = await f.runtime.request('GET', `/api/enrolment/v1/activation?code=${invitations.get('Nguyen')}`, undefined, {}, null);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain(`value="${invitations.get('Nguyen')}"`);
    expect(page.body).toContain('<option value="100" selected>');
    const english = await f.runtime.request('GET', '/api/enrolment/v1/activation', undefined, { 'accept-language': 'en-GB,en' }, null);
    expect(english.body).toContain('Activate my student account');

    // Bao's form as he fills it in, with what each attempt changes.
    const bao = (fields: Record<string, string>) =>
      postForm({ invitationCode: invitations.get('Nguyen')!, birthDate: '2007-12-31', sex: 'M', birthCountry: '100', password: PASSWORD, ...fields });
    const wrong = await bao({ email: 'not-an-address', confirm: 'another one entirely' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('role="alert"');
    expect(wrong.body).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(wrong.body).toContain('Les deux mots de passe ne sont pas identiques.');
    expect(wrong.body).not.toContain(PASSWORD);

    const done = await bao({ email: 'bao@example.org', confirm: PASSWORD, lang: 'en' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toMatch(/Your login is <strong>pgs\d{7}<\/strong>/);
    const twice = await bao({ email: 'bao@example.org', confirm: PASSWORD });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Vous avez déjà un compte');
  });

  it('opens no account when an external provider issues them: the university’s directory does', async () => {
    const context = { accounts: { embedded: false } } as unknown as ModuleContext;
    await expect(
      activateAccount(
        context,
        { invitationCode: 'X', birthDate: '2000-01-01', sex: 'F', birthCountry: '100', email: 'a@b.fr', password: PASSWORD },
        {
          requestId: 'test',
          actor: { subject: 'anonymous', login: null, roles: [] },
          scope: { global: true },
        },
      ),
    ).rejects.toMatchObject({ status: 409, slug: 'accounts-external' });
  });
});
