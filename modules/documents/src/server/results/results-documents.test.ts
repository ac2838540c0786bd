import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type TokenClaims } from '@pegase/platform';
import { PUBLIC_URL, staffOf } from '../../../test/documents-fixture.ts';
import { decodeQrCode, pdfText } from '../../../test/pdf-reading.ts';
import { resultsRuntime } from '../../../test/results-fixture.ts';
import { groupCode } from '../certificates/verification-code.ts';
import { documentsModule } from '../module.ts';

describe('transcripts and pass certificates of published results over HTTP', () => {
  let f: Awaited<ReturnType<typeof resultsRuntime>>;
  let eloise: TokenClaims;
  let bob: TokenClaims;
  const staff = staffOf('UFR-E');
  const mine = (kind: string, as: TokenClaims, query = '') =>
    f.runtime.request('GET', `/api/documents/v1/me/juries/${f.jury.id}/${kind}${query}`, undefined, {}, as);
  const staffGets = (kind: string, enrolmentId: string, as: TokenClaims = staff, query = '') =>
    f.runtime.request('GET', `/api/documents/v1/juries/${f.jury.id}/enrolments/${enrolmentId}/${kind}${query}`, undefined, {}, as);
  const verify = (code: string, headers: Record<string, string> = {}) => f.runtime.request('GET', `/api/documents/v1/verify/${code}`, undefined, headers, null);
  const published = () =>
    rowsOf<{ data: { enrolmentId: string; lines: { depth: number; code: string; labelFr: string; labelEn: string | null }[] }; size: number }>(
      f.runtime.database.db,
      sql`select data, length(data::text) as size from pegase_platform.outbox where type = 'assessment.learner-results.published' order by subject`,
    );

  beforeAll(async () => {
    f = await resultsRuntime();
    eloise = f.studentOf(f.learner.code);
    bob = f.studentOf(f.other.code);
  });
  afterAll(async () => f.runtime.close());

  it('has nothing before the jury publishes: 404 saying so, to the student and to staff', async () => {
    const deliberated = await f.runtime.request('POST', `/api/assessment/v1/juries/${f.jury.id}/deliberate`);
    expect(deliberated.statusCode, deliberated.body).toBe(200);
    await f.runtime.drainEvents();
    for (const response of [await mine('transcript', eloise), await mine('pass-certificate', eloise), await staffGets('transcript', f.passing.id)]) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().type).toBe('urn:pegase:problem:not-found');
      expect(response.json().detail).toContain('once the jury has published its results');
    }
    expect(await published()).toEqual([]);
  });

  it('announces each learner’s result once at publication, slim, and a second publication changes nothing', async () => {
    const first = await f.runtime.request('POST', `/api/assessment/v1/juries/${f.jury.id}/publish`);
    expect(first.statusCode, first.body).toBe(200);
    await f.runtime.drainEvents();
    const again = await f.runtime.request('POST', `/api/assessment/v1/juries/${f.jury.id}/publish`);
    expect(again.statusCode).toBe(200);
    expect(again.json().publishedAt).toBe(first.json().publishedAt);
    await f.runtime.drainEvents();
    const events = await published();
    expect(events.map((event) => event.data.enrolmentId).sort()).toEqual([f.passing.id, f.failing.id].sort());
    const lines = events[0]!.data.lines;
    expect(lines.map((line) => `${'  '.repeat(line.depth)}${line.code}`)).toEqual([
      'LIC-MATH-L1',
      '  S1',
      '    UE1',
      '      EC11',
      '      EC12',
      '    UE2',
      '      EC21',
      '      EC22',
    ]);
    expect(lines[3]).toMatchObject({ labelFr: 'Analyse', labelEn: 'Calculus' });
    // A few kB each, whatever the explanations of the stored tree.
    for (const event of events) expect(event.size).toBeLessThan(4000);
    const kept = await rowsOf<{ count: number }>(f.runtime.database.db, sql`select count(*)::int as count from documents.published_results`);
    expect(kept[0]!.count).toBe(2);
  });

  it('gives the student their transcript in French: the learner, the formation, every line indented with its mark, result and credits', async () => {
    const response = await mine('transcript', eloise);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="releve-de-notes-PGS\d{7}-2026-2027-session-1\.pdf"$/);
    const code = String(response.headers['x-certificate-code']);
    expect(code).toMatch(/^[A-Z2-7]{20}$/);
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'Université Pégase',
      'UAI 0999999F — Lyon',
      'RELEVÉ DE NOTES',
      'Année universitaire 2026-2027 — session 1',
      'Étudiant(e) Éloïse Ada LEFÈVRE',
      'Date de naissance 1er janvier 2006',
      `Numéro d’étudiant ${f.learner.code}`,
      'INE 123456789AB',
      'Formation L1 Mathématiques (Licence Mathématiques)',
      'Élément Note /20 Résultat ECTS',
      'LIC-MATH-L1 — L1 Mathématiques 12,50 Admis 30',
      'S1 — Semestre 1 12,50 Admis 30',
      'UE1 — Fondamentaux 13,00 Admis 15',
      'EC11 — Analyse 14,00 Admis 9',
      'UE2 — Ouverture 12,00 Admis 15',
      'Résultat : Admis',
      'Moyenne : 12,50 / 20',
      'Mention : Assez bien',
      'Crédits ECTS acquis : 30',
      'Résultats publiés le',
      'Fait à Lyon, le',
      `Code de vérification : ${groupCode(code)}`,
    ])
      expect(text, text).toContain(expected);
    // The rank is left off unless asked for.
    expect(text).not.toContain('Rang');
    expect(decodeQrCode(response.rawPayload)).toBe(`${PUBLIC_URL}/api/documents/v1/verify/${code}`);

    const page = await verify(code);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Ce relevé de notes est authentique</h1>');
    expect(page.body).toContain('<dt>Document</dt><dd>Relevé de notes</dd>');
    expect(page.body).toContain(
      '<dt>Atteste</dt><dd>Les notes et résultats en L1 Mathématiques (Licence Mathématiques) publiés par le jury de la session 1 de l’année universitaire 2026-2027 : Admis, moyenne 12,50 / 20.</dd>',
    );
    expect(page.body).toContain('<dt>Session</dt><dd>1</dd>');
    expect(page.body).toContain('Vérification d’un relevé de notes');
    const json = (await verify(code, { accept: 'application/json' })).json();
    expect(json).toMatchObject({ kind: 'transcript', status: 'authentic', session: 1, holder: 'Éloïse Ada LEFÈVRE', provisional: false });
  });

  it('prints it in English, and keeps what each issue said', async () => {
    const response = await mine('transcript', eloise, '?lang=en');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('filename="transcript-');
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'TRANSCRIPT OF RECORDS',
      'Academic year 2026-2027 — session 1',
      'Student Éloïse Ada LEFÈVRE',
      'Programme First year of Mathematics (Bachelor of Mathematics)',
      'Component Mark /20 Result ECTS',
      'EC11 — Calculus 14.00 Passed 9',
      'Result: Passed',
      'Average: 12.50 / 20',
      'Honours: Fairly good',
      'ECTS credits earned: 30',
      'Issued in Lyon on',
    ])
      expect(text, text).toContain(expected);
    const code = String(response.headers['x-certificate-code']);
    const english = await verify(code, { 'accept-language': 'en' });
    expect(english.body).toContain('<h1>This transcript is authentic</h1>');
    expect(english.body).toContain('<dt>Document</dt><dd>Transcript of records</dd>');
    const rows = await rowsOf<{ kind: string; language: string; results: { session: number; decision: string; lines: unknown[] } }>(
      f.runtime.database.db,
      sql`select kind, language, results from documents.certificates where code = ${code}`,
    );
    expect(rows[0]).toMatchObject({ kind: 'transcript', language: 'en', results: { session: 1, decision: 'ADM' } });
    expect(rows[0]!.results.lines).toHaveLength(8);
  });

  it('gives a passed student their pass certificate, with honours, verifiable as such', async () => {
    const response = await mine('pass-certificate', eloise);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename="attestation-de-reussite-PGS\d{7}-2026-2027-session-1\.pdf"/);
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'ATTESTATION DE RÉUSSITE',
      'Année universitaire 2026-2027 — session 1',
      'atteste que Madame Éloïse Ada LEFÈVRE, née le 1er janvier 2006',
      'a été déclarée admise en L1 Mathématiques (Licence Mathématiques) à la session 1 de l’année universitaire 2026-2027, avec la mention Assez bien.',
      'Moyenne : 12,50 / 20 — crédits ECTS acquis : 30.',
    ])
      expect(text, text).toContain(expected);
    const code = String(response.headers['x-certificate-code']);
    expect(decodeQrCode(response.rawPayload)).toBe(`${PUBLIC_URL}/api/documents/v1/verify/${code}`);
    const page = await verify(code);
    expect(page.body).toContain('<h1>Cette attestation de réussite est authentique</h1>');
    expect(page.body).toContain(
      '<dt>Atteste</dt><dd>La réussite en L1 Mathématiques (Licence Mathématiques) à la session 1 de l’année universitaire 2026-2027, avec la mention Assez bien.</dd>',
    );
    const english = await mine('pass-certificate', eloise, '?lang=en');
    expect(await pdfText(english.rawPayload)).toContain(
      'was declared to have passed First year of Mathematics (Bachelor of Mathematics) at session 1 of the academic year 2026-2027, with honours: Fairly good.',
    );
  });

  it('refuses a pass certificate to a failed learner (409), and gives their transcript', async () => {
    const refused = await mine('pass-certificate', bob);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ type: 'urn:pegase:problem:not-passed' });
    expect(refused.json().detail).toContain('this result of session 1 is AJ (failed)');
    expect((await staffGets('pass-certificate', f.failing.id)).statusCode).toBe(409);
    const transcript = await mine('transcript', bob);
    expect(transcript.statusCode, transcript.body).toBe(200);
    const text = await pdfText(transcript.rawPayload);
    expect(text).toContain('LIC-MATH-L1 — L1 Mathématiques 7,50 Ajourné 0');
    expect(text).toContain('Résultat : Ajourné');
    expect(text).not.toContain('Mention');
  });

  it('lets staff of the point’s structures issue them (with the rank on request), not staff elsewhere (403)', async () => {
    const ranked = await staffGets('transcript', f.failing.id, staff, '?rank=true');
    expect(ranked.statusCode, ranked.body).toBe(200);
    expect(await pdfText(ranked.rawPayload)).toContain('Rang : 2');
    expect((await staffGets('pass-certificate', f.passing.id)).statusCode).toBe(200);
    const elsewhere = await staffGets('transcript', f.passing.id, staffOf('UFR-L'));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().type).toBe('urn:pegase:problem:outside-scope');
    const service = await staffGets('transcript', f.passing.id, { subject: 'registry', roles: ['service'], clientId: 'registry' });
    expect(service.statusCode).toBe(200);
    // An enrolment in scope with no result from that jury, an unknown enrolment.
    const unknownJury = await f.runtime.request('GET', `/api/documents/v1/juries/${randomUUID()}/enrolments/${f.passing.id}/transcript`, undefined, {}, staff);
    expect(unknownJury.statusCode).toBe(404);
    expect(unknownJury.json().detail).toContain(`for enrolment ${f.passing.id}`);
    expect((await staffGets('transcript', randomUUID())).statusCode).toBe(404);
  });

  it('gives a student only their own (404 for a jury without their result, or without a learner record)', async () => {
    const stranger = await f.runtime.request('GET', `/api/documents/v1/me/juries/${randomUUID()}/transcript`, undefined, {}, eloise);
    expect(stranger.statusCode).toBe(404);
    expect((await mine('transcript', f.studentOf('PGS9999999'))).statusCode).toBe(404);
    expect((await mine('transcript', { subject: 'student-without-record', roles: ['student'] })).statusCode).toBe(404);
  });

  it('keeps one row per jury and enrolment when an announcement is delivered again', async () => {
    const [event] = await published();
    const context = f.runtime.contexts.get('documents')!;
    const handler = documentsModule.handlers!(context).find((h) => h.event === 'assessment.learner-results.published')!;
    await context.transaction((tx) =>
      handler.handle(
        {
          id: randomUUID(),
          type: handler.event,
          source: 'assessment',
          subject: event!.data.enrolmentId,
          time: new Date().toISOString(),
          data: event!.data,
          requestId: null,
        },
        tx,
      ),
    );
    const kept = await rowsOf<{ count: number }>(f.runtime.database.db, sql`select count(*)::int as count from documents.published_results`);
    expect(kept[0]!.count).toBe(2);
  });

  it('keeps transcripts and pass certificates standing when the enrolment is cancelled afterwards', async () => {
    const transcript = String((await mine('transcript', eloise)).headers['x-certificate-code']);
    const cancel = await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${f.passing.id}/cancel`, { reason: 'Départ' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await f.runtime.drainEvents();
    expect((await verify(transcript, { accept: 'application/json' })).json()).toMatchObject({ kind: 'transcript', status: 'authentic', revokedAt: null });
  });
});
