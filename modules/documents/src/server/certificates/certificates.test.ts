import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type TokenClaims } from '@pegase/platform';
import { documentsRuntime, PUBLIC_URL, staffOf } from '../../../test/documents-fixture.ts';
import { decodeQrCode, pdfText } from '../../../test/pdf-reading.ts';
import { groupCode } from './verification-code.ts';

describe('certificates of enrolment over HTTP', () => {
  let f: Awaited<ReturnType<typeof documentsRuntime>>;
  let enrolmentId: string;
  let student: TokenClaims;
  const staff = staffOf('UFR-E');
  const certificate = (id: string, lang = 'fr', as: TokenClaims = staff) =>
    f.runtime.request('GET', `/api/documents/v1/enrolments/${id}/certificate?lang=${lang}`, undefined, {}, as);
  const mine = (id: string, as: TokenClaims, lang = 'fr') =>
    f.runtime.request('GET', `/api/documents/v1/me/enrolments/${id}/certificate?lang=${lang}`, undefined, {}, as);
  const verify = (code: string, headers: Record<string, string> = {}) => f.runtime.request('GET', `/api/documents/v1/verify/${code}`, undefined, headers, null);
  const issued: Record<'fr' | 'en', { code: string; pdf: Buffer }> = {} as never;

  beforeAll(async () => {
    f = await documentsRuntime();
    enrolmentId = (await f.enrol(f.learner.id, f.point.id)).id;
    student = f.studentOf(f.learner.code);
  });
  afterAll(async () => f.runtime.close());

  it('issues the French certificate of a validated enrolment as a PDF whose text names the learner, the year, the formation and the code', async () => {
    const response = await certificate(enrolmentId, 'fr');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="certificat-de-scolarite-PGS\d{7}-2026-2027\.pdf"$/);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const code = String(response.headers['x-certificate-code']);
    expect(code).toMatch(/^[A-Z2-7]{20}$/);
    issued.fr = { code, pdf };

    const text = await pdfText(pdf);
    for (const expected of [
      'Université Pégase',
      'UAI 0999999F — Lyon',
      'CERTIFICAT DE SCOLARITÉ',
      'Année universitaire 2026-2027',
      'certifie que Madame Éloïse Ada LEFÈVRE, née le 1er janvier 2006',
      `numéro d’étudiant ${f.learner.code}, INE 123456789AB`,
      'est inscrite pour l’année universitaire 2026-2027 en L1 Économie (Licence Économie)',
      'LIC-ECO > LIC-ECO-L1',
      'Fait à Lyon, le',
      `Code de vérification : ${groupCode(code)} Adresse de vérification`,
      `${PUBLIC_URL}/api/documents/v1/verify/${code}`,
    ])
      expect(text, text).toContain(expected);
  });

  it('prints a QR code that a reader decodes to the verification address', () => {
    expect(decodeQrCode(issued.fr.pdf)).toBe(`${PUBLIC_URL}/api/documents/v1/verify/${issued.fr.code}`);
  });

  it('issues it in English too, with a code of its own', async () => {
    const response = await certificate(enrolmentId, 'en');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('certificate-of-enrolment-');
    const code = String(response.headers['x-certificate-code']);
    expect(code).not.toBe(issued.fr.code);
    issued.en = { code, pdf: response.rawPayload };
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'CERTIFICATE OF ENROLMENT',
      'Academic year 2026-2027',
      'I, the undersigned, on behalf of the head of the establishment, certify that Ms Éloïse Ada LEFÈVRE, born on 1 January 2006',
      `learner number ${f.learner.code}, INE 123456789AB, is enrolled for the academic year 2026-2027 in First year of Economics (Bachelor of Economics)`,
      'Issued in Lyon on',
      `Verification code: ${groupCode(code)} Verification address`,
    ])
      expect(text, text).toContain(expected);
    expect(decodeQrCode(response.rawPayload)).toBe(`${PUBLIC_URL}/api/documents/v1/verify/${code}`);
  });

  it('keeps each certificate issued, its file stored with the SHA-256 of the bytes served', async () => {
    const rows = await rowsOf<{ code: string; file_id: string; sha256: string; language: string; issued_by: string }>(
      f.runtime.database.db,
      sql`select code, file_id, sha256, language, issued_by from documents.certificates where enrolment_id = ${enrolmentId} order by issued_at`,
    );
    expect(rows.map((row) => [row.code, row.language, row.issued_by])).toEqual([
      [issued.fr.code, 'fr', staff.subject],
      [issued.en.code, 'en', staff.subject],
    ]);
    const file = await f.runtime.contexts.get('documents')!.files.get(f.runtime.database.db, rows[0]!.file_id);
    expect(file?.content.equals(issued.fr.pdf)).toBe(true);
    expect(rows[0]!.sha256).toBe(createHash('sha256').update(issued.fr.pdf).digest('hex'));
  });

  it('gives the student their own certificate, and nobody else’s (404)', async () => {
    const own = await mine(enrolmentId, student);
    expect(own.statusCode, own.body).toBe(200);
    expect(await pdfText(own.rawPayload)).toContain('Éloïse Ada LEFÈVRE');
    const stranger = await mine(enrolmentId, f.studentOf(f.other.code));
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().type).toBe('urn:pegase:problem:not-found');
    const noLearner = await mine(enrolmentId, { subject: 'student-without-record', roles: ['student'] });
    expect(noLearner.statusCode).toBe(404);
    expect((await mine('00000000-0000-4000-8000-000000000000', student)).statusCode).toBe(404);
  });

  it('refuses staff of another faculty (403) and lets integrations through', async () => {
    const elsewhere = await certificate(enrolmentId, 'fr', staffOf('UFR-L'));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().type).toBe('urn:pegase:problem:outside-scope');
    const service = await certificate(enrolmentId, 'fr', { subject: 'registry', roles: ['service'], clientId: 'registry' });
    expect(service.statusCode).toBe(200);
    expect((await certificate(enrolmentId, 'de')).json()).toMatchObject({ status: 400, type: 'urn:pegase:problem:validation' });
  });

  it('issues a provisional certificate once submitted and paid, saying so in the PDF and on the verification page', async () => {
    const unpaid = await f.enrol(f.other.id, f.lawPoint.id, 'submitted');
    const early = await mine(unpaid.id, f.studentOf(f.other.code));
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('fees are not settled');
    await f.call('PUT', `/api/enrolment/v1/enrolments/${unpaid.id}/payment-status`, { paymentStatus: 'paid' }, 200);
    await f.runtime.drainEvents();
    const provisional = await mine(unpaid.id, f.studentOf(f.other.code));
    expect(provisional.statusCode, provisional.body).toBe(200);
    const text = await pdfText(provisional.rawPayload);
    expect(text).toContain('CERTIFICAT DE SCOLARITÉ PROVISOIRE');
    expect(text).toContain('Un certificat définitif est délivré après sa validation.');
    const code = String(provisional.headers['x-certificate-code']);
    const page = await verify(code);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ce certificat provisoire est authentique');
    expect(page.body).toContain('provisoire (inscription en cours de validation)');
    const json = await f.runtime.request('GET', `/api/documents/v1/verify/${code}`, undefined, { accept: 'application/json' }, null);
    expect(json.json()).toMatchObject({ status: 'authentic', provisional: true });
    await f.call('POST', `/api/enrolment/v1/enrolments/${unpaid.id}/cancel`, { reason: 'Annulée à la demande de l’étudiant' }, 200);
    await f.runtime.drainEvents();
    expect((await verify(code)).body).toContain('RÉVOQUÉ');
  });

  it('refuses an enrolment that is not validated (409), saying why', async () => {
    const draft = await f.enrol(f.other.id, f.point.id, 'draft');
    const response = await certificate(draft.id);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ type: 'urn:pegase:problem:enrolment-not-validated' });
    expect(response.json().detail).toContain('draft');
    expect((await mine(draft.id, f.studentOf(f.other.code))).statusCode).toBe(409);
  });

  it('confirms a real code on a public page, in French by default and in English on request', async () => {
    const page = await verify(issued.fr.code);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body.match(/<h1>/g)).toHaveLength(1);
    expect(page.body).toContain('<h1>Ce certificat est authentique</h1>');
    expect(page.body).toContain('Éloïse Ada LEFÈVRE');
    expect(page.body).toContain('L1 Économie (Licence Économie)');
    expect(page.body).toContain('2026-2027');
    expect(page.body).not.toMatch(/<script/i);

    const english = await verify(issued.fr.code, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('<h1>This certificate is authentic</h1>');
    expect(english.body).toContain('First year of Economics (Bachelor of Economics)');
    expect((await verify(`${issued.fr.code}?lang=en`)).body).toContain('This certificate is authentic');

    // Typed by a person: lower case, in groups.
    expect((await verify(groupCode(issued.fr.code).toLowerCase())).statusCode).toBe(200);
  });

  it('answers JSON to a program', async () => {
    const response = await verify(issued.en.code, { accept: 'application/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      code: issued.en.code,
      kind: 'enrolment',
      certifies: 'L’inscription en L1 Économie (Licence Économie) pour l’année universitaire 2026-2027.',
      status: 'authentic',
      holder: 'Éloïse Ada LEFÈVRE',
      formation: 'L1 Économie (Licence Économie)',
      academicYear: '2026-2027',
      establishment: 'Université Pégase',
      language: 'en',
      issuedAt: expect.any(String),
      revokedAt: null,
      provisional: false,
      session: null,
      sha256: createHash('sha256').update(issued.en.pdf).digest('hex'),
    });
  });

  it('rejects a forged or malformed code with a 404 page, never an error', async () => {
    const forged = issued.fr.code.slice(0, 19) + (issued.fr.code.endsWith('A') ? 'B' : 'A');
    for (const code of [forged, 'NOT-A-CODE', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'Z'.repeat(90)]) {
      const page = await verify(code);
      expect(page.statusCode, code).toBe(404);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<h1>Aucun document ne porte ce code</h1>');
      expect(page.body).not.toContain('<script>');
    }
    expect((await verify(forged, { 'accept-language': 'en' })).body).toContain('<h1>No document has this code</h1>');
    const json = await verify(forged, { accept: 'application/json' });
    expect(json.statusCode).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json.json().type).toBe('urn:pegase:problem:not-found');
  });

  it('shows every certificate of a cancelled enrolment as revoked, and issues no more', async () => {
    const cancel = await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolmentId}/cancel`, { reason: 'Départ de l’étudiante' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await f.runtime.drainEvents();

    const page = await verify(issued.fr.code);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1>Certificat RÉVOQUÉ le \d{1,2}(er)? \S+ \d{4}<\/h1>/);
    expect(page.body).not.toContain('Départ'); // the reason stays private
    expect((await verify(issued.fr.code, { 'accept-language': 'en' })).body).toMatch(/<h1>Certificate REVOKED on \d{1,2} \S+ \d{4}<\/h1>/);
    const json = (await verify(issued.en.code, { accept: 'application/json' })).json();
    expect(json).toMatchObject({ status: 'revoked', revokedAt: cancel.json().cancelledAt });

    const revoked = await rowsOf<{ count: number }>(
      f.runtime.database.db,
      sql`select count(*)::int as count from pegase_platform.outbox
           where type = 'documents.certificate.revoked' and data->>'enrolmentId' = ${enrolmentId}`,
    );
    expect(revoked[0]!.count).toBe(4); // French, English, the student's and the integration's
    const again = await certificate(enrolmentId);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('cancelled');
  });

  it('slows down a client that verifies too many codes (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) statuses.push((await verify('AAAAAAAAAAAAAAAAAAAA')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429)).every((status) => status === 429)).toBe(true);
  });
});
