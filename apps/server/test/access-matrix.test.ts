import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKernelModules, type PegaseModule, type Role } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import type { TokenClaims } from '@pegase/platform';
import { allModules } from '../src/modules.ts';

/**
 * Generated from the route declarations: every route of every module is
 * called as anonymous, as each role that lacks its permission, and — for the
 * permissions staff hold within their structures — as staff of another
 * structure. A new route is covered without writing anything; a new
 * staff-scoped write must say below how its scope is exercised.
 */
interface Operation {
  method: string;
  path: string;
  access: string;
}

const callers: Record<Exclude<Role, 'admin'>, TokenClaims> = {
  student: { subject: 'matrix-student', roles: ['student'], learnerCode: 'L-MATRIX' },
  teacher: { subject: 'matrix-teacher', roles: ['teacher'], structureCodes: ['SCI-INFO'] },
  staff: { subject: 'matrix-staff', roles: ['staff'], structureCodes: ['UFR-SCI'] },
  service: { subject: 'matrix-service', roles: ['service'], clientId: 'matrix' },
};
/** Staff of the law faculty: a valid caller, but outside the sciences. */
const staffElsewhere: TokenClaims = { subject: 'matrix-staff-deg', roles: ['staff'], structureCodes: ['UFR-DEG'] };

/**
 * What staff may do on the whole establishment, by design: read the
 * referential, its change history and the training offer; find and correct
 * learners, whose records belong to no structure until an enrolment ties
 * them to one; read the fee rules of the establishment.
 */
const UNSCOPED_FOR_STAFF = new Set([
  'referential.read',
  'referential.history.read',
  'curriculum.read',
  'enrolment.learners.read',
  'enrolment.learners.write',
  'payment.rules.read',
]);

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';
const fill = (path: string) => path.replace(/\{[^}]+\}/g, (name) => (name === '{date}' ? '2026-01-01' : name.includes('code') ? 'COUNTRY' : DUMMY_ID));

describe('access of every route', () => {
  let runtime: TestRuntime;
  let operations: Operation[];
  const modules: PegaseModule[] = withKernelModules(allModules);
  const permission = (name: string) => modules.flatMap((m) => m.permissions).find((p) => p.name === name)!;

  beforeAll(async () => {
    runtime = await createTestRuntime(allModules, { sandbox: true });
    const document = runtime.app.swagger() as { paths: Record<string, Record<string, { 'x-pegase-access'?: string }>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op['x-pegase-access'] !== undefined)
        .map(([method, op]) => ({ method: method.toUpperCase(), path, access: op['x-pegase-access']! })),
    );
  });
  afterAll(async () => runtime.close());

  it('finds the routes of every module', () => {
    for (const module of modules)
      expect(
        operations.some((op) => op.path.startsWith(`/api/${module.name}/v1/`)),
        module.name,
      ).toBe(true);
    expect(operations.length).toBeGreaterThan(20);
  });

  it('refuses anonymous callers on every route that is not public (401)', async () => {
    for (const op of operations.filter((o) => o.access !== 'public')) {
      const response = await runtime.request(op.method, fill(op.path), op.method === 'GET' ? undefined : {}, {}, null);
      expect(response.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it('refuses each role that lacks the permission (403), and lets the others through the access check', async () => {
    for (const op of operations.filter((o) => o.access !== 'public')) {
      const declared = permission(op.access);
      for (const [role, claims] of Object.entries(callers)) {
        const response = await runtime.request(op.method, fill(op.path), op.method === 'GET' ? undefined : {}, {}, claims);
        const where = `${op.method} ${op.path} as ${role}`;
        if (declared.roles.includes(role as Role)) expect([401, 403], where).not.toContain(response.statusCode);
        else {
          expect(response.statusCode, where).toBe(403);
          expect(response.json().type, where).toBe('urn:pegase:problem:forbidden');
        }
      }
    }
  });

  it('refuses staff outside their structures on every scoped write', async () => {
    const sciences = (await runtime.request('GET', '/api/referential/v1/structures?q=UFR-SCI')).json().items[0];
    const informatics = (await runtime.request('GET', '/api/referential/v1/structures?q=SCI-INFO')).json().items[0];
    const law = (await runtime.request('GET', '/api/referential/v1/structures?q=UFR-DEG')).json().items[0];
    // Training objects owned by the informatics department, made by an admin.
    const year = (await runtime.request('GET', '/api/referential/v1/periods?type=academic-year&sort=-startDate&limit=1')).json().items[0];
    const object = async (code: string, type: string, extra: Record<string, unknown> = {}) => {
      const response = await runtime.request('POST', '/api/curriculum/v1/objects', {
        periodId: year.id,
        code,
        type,
        labels: { fr: code },
        ownerStructureId: informatics.id,
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    const ue = await object('MATRIX-UE', 'ue');
    const ec = await object('MATRIX-EC', 'ec', { parentId: ue.id });
    const formation = await object('MATRIX-LIC', 'formation');
    await object('MATRIX-L1', 'year', { parentId: formation.id });

    // Enrolments at a point of a validated formation of the sciences, one per case that changes its state.
    const enrolFormation = await object('MATRIX-ENR', 'formation');
    const point = await object('MATRIX-ENR-Y1', 'year', { parentId: enrolFormation.id, enrolmentPoint: true });
    expect((await runtime.request('POST', `/api/curriculum/v1/objects/${enrolFormation.id}/validate`)).statusCode).toBe(200);
    await runtime.drainEvents();
    expect((await runtime.request('POST', '/api/enrolment/v1/document-requirements', { documentType: 'PHOTO', pointId: point.id })).statusCode).toBe(201);
    const learnerCodes = ['PGS0000001', 'PGS0000002', 'PGS0000003', 'PGS0000004'];
    const learnerIds = await Promise.all(
      learnerCodes.map(async (code) => (await runtime.request('GET', `/api/enrolment/v1/learners?q=${code}`)).json().items[0].id as string),
    );
    const enrol = async (learnerId: string) => {
      const response = await runtime.request('POST', '/api/enrolment/v1/enrolments', {
        learnerId,
        pointId: point.id,
        origin: 'MANUELLE',
        regime: 'FI',
        kind: 'secondary',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    const [enrolment, toCancel, withPhoto] = [await enrol(learnerIds[0]!), await enrol(learnerIds[1]!), await enrol(learnerIds[2]!)];
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const photo = await runtime.request('PUT', `/api/enrolment/v1/enrolments/${withPhoto.id}/documents/PHOTO`, png, { 'content-type': 'image/png' });
    expect(photo.statusCode, photo.body).toBe(200);
    const enrolments = '/api/enrolment/v1/enrolments';
    // A validated enrolment at the same point, for its certificate of enrolment.
    const certified = await (async () => {
      const learner = await runtime.request('POST', '/api/enrolment/v1/learners', {
        familyName: 'Matrice',
        givenNames: 'Claude',
        birthDate: '2004-04-04',
        birthCountry: '100',
        sex: 'F',
      });
      expect(learner.statusCode, learner.body).toBe(201);
      const created = await enrol(learner.json().id);
      const steps: [string, string, unknown, Record<string, string>][] = [
        ['POST', `${enrolments}/${created.id}/submit`, undefined, { 'idempotency-key': 'matrix-certified' }],
        ['PUT', `${enrolments}/${created.id}/payment-status`, { paymentStatus: 'exempt' }, {}],
        ['PUT', `${enrolments}/${created.id}/documents/PHOTO`, png, { 'content-type': 'image/png' }],
        ['POST', `${enrolments}/${created.id}/documents/PHOTO/review`, { decision: 'accepted' }, {}],
        ['POST', `${enrolments}/${created.id}/validate`, undefined, {}],
      ];
      for (const [method, url, body, headers] of steps) {
        const response = await runtime.request(method, url, body, headers);
        expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
      }
      await runtime.drainEvents();
      return created;
    })();
    // A teaching group of the point, which the certified learner's cursus holds.
    const group = await runtime.request('POST', `/api/registration/v1/objects/${point.id}/groups`, { kind: 'TP', code: 'TP-MATRIX' });
    expect(group.statusCode, group.body).toBe(201);
    const placement = { enrolmentId: certified.id, path: 'MATRIX-ENR>MATRIX-ENR-Y1' };
    const doomed = await runtime.request('POST', `/api/registration/v1/objects/${point.id}/groups`, { kind: 'TP', code: 'TP-DOOMED' });
    expect(doomed.statusCode, doomed.body).toBe(201);
    // An assessment of the point (no children: a course element to assessment), whose sheet holds the certified learner.
    const examPath = 'MATRIX-ENR>MATRIX-ENR-Y1';
    const exam = await runtime.request('POST', '/api/assessment/v1/assessments', {
      periodId: year.id,
      path: examPath,
      session: 1,
      code: 'MATRIX',
      label: 'Matrice',
    });
    expect(exam.statusCode, exam.body).toBe(201);
    const examId = exam.json().id as string;
    const rulesQuery = `periodId=${year.id}&path=${encodeURIComponent(examPath)}`;
    // The MCC of the point's formation, as a sheet; the sandbox's validated licence (older year), whose MCC the sciences' staff freeze.
    const formationQuery = `periodId=${year.id}&formationId=${enrolFormation.id}`;
    const sandboxLicence = (await runtime.request('GET', '/api/curriculum/v1/objects?type=formation&q=LIC-INFO&status=validated')).json().items[0] as {
      id: string;
      periodId: string;
    };
    // A jury of the formation (opened by the admin): the sciences' staff give points, deliberate, publish.
    const jury = await runtime.request('POST', '/api/assessment/v1/juries', { formationId: enrolFormation.id, periodId: year.id, session: 1 });
    expect(jury.statusCode, jury.body).toBe(201);
    const juryId = jury.json().id as string;
    /**
     * For each staff-scoped route, requests on the sciences and on the top of
     * the tree, with the status the staff of the sciences get: staff of the
     * law faculty must get 403 on every one of them.
     */
    /** A formation owned by the informatics department, as a JSON document and as a spreadsheet (the bytes go as they are). */
    const formationDocument = (prefix: string) => ({
      format: 'pegase-curriculum-formation',
      version: 1,
      root: `${prefix}-LIC`,
      objects: [
        { code: `${prefix}-LIC`, type: 'formation', labels: { fr: 'Licence importée' }, ownerStructureCode: 'SCI-INFO' },
        { code: `${prefix}-EC`, type: 'ec', labels: { fr: 'EC importé' }, ownerStructureCode: 'SCI-INFO' },
      ],
      links: [{ parentCode: `${prefix}-LIC`, childCode: `${prefix}-EC`, position: 0 }],
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Maquette');
    sheet.addRow(['code', 'code parent', 'type', 'libellé', 'structure']);
    sheet.addRow(['MATRIX-XL-LIC', null, 'formation', 'Licence importée', 'SCI-INFO']);
    sheet.addRow(['MATRIX-XL-EC', 'MATRIX-XL-LIC', 'ec', 'EC importé', 'SCI-INFO']);
    const spreadsheet = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    // A pending payment of the first enrolment, started by its student (PGS0000001) with the sandbox's fee rules and a level for the point.
    await runtime.drainEvents();
    expect((await runtime.request('PUT', `/api/payment/v1/points/${point.id}/level`, { level: 'LICENCE' })).statusCode).toBe(200);
    const student1: TokenClaims = { subject: 'matrix-student1', roles: ['student'], learnerCode: 'PGS0000001' };
    const started = await runtime.request('POST', `/api/payment/v1/me/enrolments/${enrolment.id}/payments`, { instalments: 1 }, {}, student1);
    expect(started.statusCode, started.body).toBe(201);
    const payment = started.json().payment as { id: string };

    /**
     * `perItem`: the route answers 200 and refuses, in its results, each
     * record outside the caller's structures (bulk actions).
     */
    const scopedCases: Record<
      string,
      { method: string; url: string; body: unknown; headers?: Record<string, string>; sciencesStaff: number; perItem?: boolean }[]
    > = {
      'POST /api/referential/v1/structures': [
        {
          method: 'POST',
          url: '/api/referential/v1/structures',
          body: { code: 'MATRIX-A', type: 'department', labels: { fr: 'A' }, parentId: sciences.id },
          sciencesStaff: 201,
        },
        { method: 'POST', url: '/api/referential/v1/structures', body: { code: 'MATRIX-TOP', type: 'ufr', labels: { fr: 'Top' } }, sciencesStaff: 403 },
      ],
      'PATCH /api/referential/v1/structures/{id}': [
        {
          method: 'PATCH',
          url: `/api/referential/v1/structures/${informatics.id}`,
          body: { labels: { fr: 'Département d’informatique (modifié)' } },
          sciencesStaff: 200,
        },
        { method: 'PATCH', url: `/api/referential/v1/structures/${law.id}`, body: { parentId: sciences.id }, sciencesStaff: 403 },
      ],
      'POST /api/curriculum/v1/objects': [
        {
          method: 'POST',
          url: '/api/curriculum/v1/objects',
          body: { periodId: year.id, code: 'MATRIX-NEW', type: 'ec', labels: { fr: 'Nouveau' }, ownerStructureId: informatics.id },
          sciencesStaff: 201,
        },
        {
          method: 'POST',
          url: '/api/curriculum/v1/objects',
          // An object without owner is for a global scope only.
          body: { periodId: year.id, code: 'MATRIX-NOBODY', type: 'ec', labels: { fr: 'Sans responsable' } },
          sciencesStaff: 403,
        },
      ],
      'PATCH /api/curriculum/v1/objects/{id}': [{ method: 'PATCH', url: `/api/curriculum/v1/objects/${ue.id}`, body: { ects: 6 }, sciencesStaff: 200 }],
      'PUT /api/curriculum/v1/objects/{id}/children/{childId}': [
        { method: 'PUT', url: `/api/curriculum/v1/objects/${ue.id}/children/${ec.id}`, body: { position: 0 }, sciencesStaff: 200 },
      ],
      'DELETE /api/curriculum/v1/objects/{id}/children/{childId}': [
        { method: 'DELETE', url: `/api/curriculum/v1/objects/${ue.id}/children/${ec.id}`, body: undefined, sciencesStaff: 204 },
      ],
      'POST /api/curriculum/v1/objects/{id}/validate': [
        { method: 'POST', url: `/api/curriculum/v1/objects/${formation.id}/validate`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/curriculum/v1/periods/{periodId}/import': [
        { method: 'POST', url: `/api/curriculum/v1/periods/${year.id}/import`, body: formationDocument('MATRIX-IMP'), sciencesStaff: 200 },
        {
          method: 'POST',
          url: `/api/curriculum/v1/periods/${year.id}/import`,
          // One object without owner is enough to need a global scope.
          body: { ...formationDocument('MATRIX-IMP2'), objects: formationDocument('MATRIX-IMP2').objects.map((o) => ({ ...o, ownerStructureCode: null })) },
          sciencesStaff: 403,
        },
      ],
      // The queue and the requirements are filtered or establishment-wide: the enrolment tests check the queue shows staff their points only.
      'GET /api/enrolment/v1/enrolments': [],
      'GET /api/enrolment/v1/document-requirements': [],
      'POST /api/enrolment/v1/enrolments': [
        {
          method: 'POST',
          url: enrolments,
          body: { learnerId: learnerIds[3], pointId: point.id, origin: 'MANUELLE', regime: 'FI', kind: 'secondary' },
          sciencesStaff: 201,
        },
      ],
      'GET /api/enrolment/v1/points/{pointId}/admissions': [
        { method: 'GET', url: `/api/enrolment/v1/points/${point.id}/admissions`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/enrolment/v1/points/{pointId}/admissions/import': [
        {
          method: 'POST',
          url: `/api/enrolment/v1/points/${point.id}/admissions/import?source=PARCOURSUP`,
          body: Buffer.from('nom;prenoms;date_naissance\nMatrice;Alice;2007-01-01\n'),
          headers: { 'content-type': 'text/csv' },
          sciencesStaff: 200,
        },
      ],
      'GET /api/enrolment/v1/enrolments/{id}': [{ method: 'GET', url: `${enrolments}/${enrolment.id}`, body: undefined, sciencesStaff: 200 }],
      'GET /api/enrolment/v1/enrolments/{id}/history': [{ method: 'GET', url: `${enrolments}/${enrolment.id}/history`, body: undefined, sciencesStaff: 200 }],
      'POST /api/enrolment/v1/enrolments/{id}/submit': [
        { method: 'POST', url: `${enrolments}/${enrolment.id}/submit`, body: undefined, headers: { 'idempotency-key': 'matrix-submit-1' }, sciencesStaff: 200 },
      ],
      'PUT /api/enrolment/v1/enrolments/{id}/payment-status': [
        { method: 'PUT', url: `${enrolments}/${enrolment.id}/payment-status`, body: { paymentStatus: 'exempt' }, sciencesStaff: 200 },
      ],
      // Staff of the sciences reach the rules, which refuse: the PHOTO is not accepted (or the enrolment not yet submitted).
      'POST /api/enrolment/v1/enrolments/{id}/validate': [
        { method: 'POST', url: `${enrolments}/${withPhoto.id}/validate`, body: undefined, sciencesStaff: 409 },
      ],
      'POST /api/enrolment/v1/enrolments/{id}/cancel': [
        { method: 'POST', url: `${enrolments}/${toCancel.id}/cancel`, body: { reason: 'Matrice' }, sciencesStaff: 200 },
      ],
      // Each enrolment is refused or not on its own: staff of the sciences reach the rules (not submitted), staff of the law faculty the scope.
      'POST /api/enrolment/v1/enrolments/bulk': [
        {
          method: 'POST',
          url: `${enrolments}/bulk`,
          body: { action: 'validate', enrolmentIds: [withPhoto.id, enrolment.id] },
          sciencesStaff: 200,
          perItem: true,
        },
      ],
      'GET /api/enrolment/v1/enrolments/{id}/documents': [
        { method: 'GET', url: `${enrolments}/${enrolment.id}/documents`, body: undefined, sciencesStaff: 200 },
      ],
      'PUT /api/enrolment/v1/enrolments/{id}/documents/{documentType}': [
        { method: 'PUT', url: `${enrolments}/${enrolment.id}/documents/PHOTO`, body: png, headers: { 'content-type': 'image/png' }, sciencesStaff: 200 },
      ],
      'POST /api/enrolment/v1/enrolments/{id}/documents/{documentType}/review': [
        { method: 'POST', url: `${enrolments}/${withPhoto.id}/documents/PHOTO/review`, body: { decision: 'rejected', reason: 'Floue' }, sciencesStaff: 200 },
      ],
      'GET /api/enrolment/v1/enrolments/{id}/documents/{documentType}/file': [
        { method: 'GET', url: `${enrolments}/${withPhoto.id}/documents/PHOTO/file`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/documents/v1/enrolments/{enrolmentId}/certificate': [
        { method: 'GET', url: `/api/documents/v1/enrolments/${certified.id}/certificate?lang=en`, body: undefined, sciencesStaff: 200 },
      ],
      // The jury publishes further down (routes in their order): the scope lets the sciences through, then nothing is published yet (404).
      'GET /api/documents/v1/juries/{juryId}/enrolments/{enrolmentId}/transcript': [
        { method: 'GET', url: `/api/documents/v1/juries/${juryId}/enrolments/${certified.id}/transcript`, body: undefined, sciencesStaff: 404 },
      ],
      'GET /api/documents/v1/juries/{juryId}/enrolments/{enrolmentId}/pass-certificate': [
        { method: 'GET', url: `/api/documents/v1/juries/${juryId}/enrolments/${certified.id}/pass-certificate`, body: undefined, sciencesStaff: 404 },
      ],
      'POST /api/curriculum/v1/periods/{periodId}/import-xlsx': [
        { method: 'POST', url: `/api/curriculum/v1/periods/${year.id}/import-xlsx`, body: spreadsheet, headers: xlsx, sciencesStaff: 200 },
      ],
      'GET /api/payment/v1/enrolments/{id}/fees': [
        { method: 'GET', url: `/api/payment/v1/enrolments/${enrolment.id}/fees`, body: undefined, sciencesStaff: 200 },
      ],
      // The cursus of the validated enrolment: readable; no grouping or offer in it, so the rules refuse after the scope.
      'GET /api/registration/v1/enrolments/{enrolmentId}/cursus': [
        { method: 'GET', url: `/api/registration/v1/enrolments/${certified.id}/cursus`, body: undefined, sciencesStaff: 200 },
      ],
      'PUT /api/registration/v1/enrolments/{enrolmentId}/choices': [
        {
          method: 'PUT',
          url: `/api/registration/v1/enrolments/${certified.id}/choices`,
          body: { grouping: 'MATRIX-ENR>MATRIX-ENR-Y1>NONE', children: [] },
          sciencesStaff: 422,
        },
      ],
      'POST /api/registration/v1/enrolments/{enrolmentId}/offers': [
        {
          method: 'POST',
          url: `/api/registration/v1/enrolments/${certified.id}/offers`,
          body: { path: 'MATRIX-ENR>MATRIX-ENR-Y1', accept: true },
          sciencesStaff: 409,
        },
      ],
      'PUT /api/registration/v1/formations/{formationId}/choice-window': [
        {
          method: 'PUT',
          url: `/api/registration/v1/formations/${enrolFormation.id}/choice-window`,
          body: { opensAt: '2026-09-01T08:00:00Z', closesAt: '2026-09-15T18:00:00Z' },
          sciencesStaff: 200,
        },
      ],
      // The point is neither exempted nor credited: the rule refuses once the scope lets through.
      'PUT /api/registration/v1/enrolments/{enrolmentId}/exemptions': [
        {
          method: 'PUT',
          url: `/api/registration/v1/enrolments/${certified.id}/exemptions`,
          body: { path: 'MATRIX-ENR>MATRIX-ENR-Y1', reason: 'Matrice' },
          sciencesStaff: 422,
        },
      ],
      'DELETE /api/registration/v1/enrolments/{enrolmentId}/exemptions': [
        {
          method: 'DELETE',
          url: `/api/registration/v1/enrolments/${certified.id}/exemptions?path=MATRIX-ENR%3EMATRIX-ENR-Y1`,
          body: undefined,
          sciencesStaff: 422,
        },
      ],
      'PUT /api/registration/v1/enrolments/{enrolmentId}/carried-credits': [
        {
          method: 'PUT',
          url: `/api/registration/v1/enrolments/${certified.id}/carried-credits`,
          body: { path: 'MATRIX-ENR>MATRIX-ENR-Y1', mark: '12', fromPeriod: '2025-2026' },
          sciencesStaff: 422,
        },
      ],
      'DELETE /api/registration/v1/enrolments/{enrolmentId}/carried-credits': [
        {
          method: 'DELETE',
          url: `/api/registration/v1/enrolments/${certified.id}/carried-credits?path=MATRIX-ENR%3EMATRIX-ENR-Y1`,
          body: undefined,
          sciencesStaff: 422,
        },
      ],
      'PUT /api/registration/v1/enrolments/{enrolmentId}/arrangements': [
        { method: 'PUT', url: `/api/registration/v1/enrolments/${certified.id}/arrangements`, body: { arrangements: [] }, sciencesStaff: 200 },
      ],
      'GET /api/registration/v1/objects/{objectId}/groups': [
        { method: 'GET', url: `/api/registration/v1/objects/${point.id}/groups`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/registration/v1/objects/{objectId}/groups': [
        { method: 'POST', url: `/api/registration/v1/objects/${point.id}/groups`, body: { kind: 'TD', code: 'TD1', capacity: 1 }, sciencesStaff: 201 },
      ],
      'POST /api/registration/v1/objects/{objectId}/groups/split': [
        { method: 'POST', url: `/api/registration/v1/objects/${point.id}/groups/split`, body: { kind: 'TP' }, sciencesStaff: 200 },
      ],
      'PATCH /api/registration/v1/groups/{groupId}': [
        { method: 'PATCH', url: `/api/registration/v1/groups/${group.json().id}`, body: { capacity: 5 }, sciencesStaff: 200 },
      ],
      'DELETE /api/registration/v1/groups/{groupId}': [
        { method: 'DELETE', url: `/api/registration/v1/groups/${doomed.json().id}`, body: undefined, sciencesStaff: 204 },
      ],
      'POST /api/registration/v1/groups/{groupId}/members': [
        { method: 'POST', url: `/api/registration/v1/groups/${group.json().id}/members`, body: placement, sciencesStaff: 200 },
      ],
      'POST /api/registration/v1/groups/{groupId}/members/remove': [
        { method: 'POST', url: `/api/registration/v1/groups/${group.json().id}/members/remove`, body: placement, sciencesStaff: 200 },
      ],
      'GET /api/registration/v1/objects/{objectId}/class-list': [
        { method: 'GET', url: `/api/registration/v1/objects/${point.id}/class-list`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/rules': [{ method: 'GET', url: `/api/assessment/v1/rules?${rulesQuery}`, body: undefined, sciencesStaff: 200 }],
      'PUT /api/assessment/v1/rules': [{ method: 'PUT', url: `/api/assessment/v1/rules?${rulesQuery}`, body: { passMark: '10' }, sciencesStaff: 200 }],
      'GET /api/assessment/v1/rules/export': [
        { method: 'GET', url: `/api/assessment/v1/rules/export?${formationQuery}&format=csv`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/assessment/v1/rules/import': [
        {
          method: 'POST',
          url: `/api/assessment/v1/rules/import?${formationQuery}`,
          body: Buffer.from(`chemin;note de passage\n${examPath};10\n`),
          headers: { 'content-type': 'text/csv' },
          sciencesStaff: 200,
        },
      ],
      'GET /api/assessment/v1/rules/freeze': [{ method: 'GET', url: `/api/assessment/v1/rules/freeze?${formationQuery}`, body: undefined, sciencesStaff: 200 }],
      'POST /api/assessment/v1/rules/freeze': [
        {
          method: 'POST',
          url: `/api/assessment/v1/rules/freeze?periodId=${sandboxLicence.periodId}&formationId=${sandboxLicence.id}`,
          body: undefined,
          sciencesStaff: 200,
        },
      ],
      'POST /api/assessment/v1/assessments': [
        {
          method: 'POST',
          url: '/api/assessment/v1/assessments',
          body: { periodId: year.id, path: examPath, session: 1, code: 'MATRIX2', label: 'Matrice 2' },
          sciencesStaff: 201,
        },
      ],
      'GET /api/assessment/v1/assessments': [{ method: 'GET', url: `/api/assessment/v1/assessments?${rulesQuery}`, body: undefined, sciencesStaff: 200 }],
      'GET /api/assessment/v1/assessments/{id}/sheet': [
        { method: 'GET', url: `/api/assessment/v1/assessments/${examId}/sheet`, body: undefined, sciencesStaff: 200 },
      ],
      // Before the lock below (routes in their order).
      'PUT /api/assessment/v1/assessments/{id}/marks': [
        {
          method: 'PUT',
          url: `/api/assessment/v1/assessments/${examId}/marks`,
          body: { marks: [{ enrolmentId: certified.id, mark: '12' }] },
          sciencesStaff: 200,
        },
      ],
      'GET /api/assessment/v1/assessments/{id}/marks/{enrolmentId}/history': [
        { method: 'GET', url: `/api/assessment/v1/assessments/${examId}/marks/${certified.id}/history`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/assessments/{id}/marks/template': [
        { method: 'GET', url: `/api/assessment/v1/assessments/${examId}/marks/template?format=csv`, body: undefined, sciencesStaff: 200 },
      ],
      // Registered after the lock and unlock routes: the sheet is open again.
      'POST /api/assessment/v1/assessments/{id}/marks/import': [
        {
          method: 'POST',
          url: `/api/assessment/v1/assessments/${examId}/marks/import`,
          body: Buffer.from(`inscription;note\n${certified.id};13,5\n`),
          headers: { 'content-type': 'text/csv' },
          sciencesStaff: 200,
        },
      ],
      // The point has no children in its formation: a course element, which staff of the sciences give a teacher.
      'PUT /api/assessment/v1/objects/{objectId}/teachers': [
        { method: 'PUT', url: `/api/assessment/v1/objects/${point.id}/teachers`, body: { teachers: ['matrix.teacher'] }, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/objects/{objectId}/teachers': [
        { method: 'GET', url: `/api/assessment/v1/objects/${point.id}/teachers`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/assessment/v1/assessments/{id}/lock': [
        { method: 'POST', url: `/api/assessment/v1/assessments/${examId}/lock`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/assessment/v1/assessments/{id}/unlock': [
        { method: 'POST', url: `/api/assessment/v1/assessments/${examId}/unlock`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/enrolments/{enrolmentId}/results': [
        { method: 'GET', url: `/api/assessment/v1/enrolments/${certified.id}/results?session=1`, body: undefined, sciencesStaff: 200 },
      ],
      // Session 2: the admin opened session 1's jury above.
      'POST /api/assessment/v1/juries': [
        { method: 'POST', url: '/api/assessment/v1/juries', body: { formationId: enrolFormation.id, periodId: year.id, session: 2 }, sciencesStaff: 201 },
      ],
      'GET /api/assessment/v1/juries/{id}': [{ method: 'GET', url: `/api/assessment/v1/juries/${juryId}`, body: undefined, sciencesStaff: 200 }],
      'PUT /api/assessment/v1/juries/{id}/points': [
        {
          method: 'PUT',
          url: `/api/assessment/v1/juries/${juryId}/points`,
          body: { enrolmentId: certified.id, path: examPath, points: '0.5' },
          sciencesStaff: 200,
        },
      ],
      'POST /api/assessment/v1/juries/{id}/deliberate': [
        { method: 'POST', url: `/api/assessment/v1/juries/${juryId}/deliberate`, body: undefined, sciencesStaff: 200 },
      ],
      'POST /api/assessment/v1/juries/{id}/publish': [
        { method: 'POST', url: `/api/assessment/v1/juries/${juryId}/publish`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/juries/{id}/results': [
        { method: 'GET', url: `/api/assessment/v1/juries/${juryId}/results`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/juries': [
        { method: 'GET', url: `/api/assessment/v1/juries?formationId=${enrolFormation.id}&periodId=${year.id}`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/assessment/v1/juries/{id}/preview': [
        { method: 'GET', url: `/api/assessment/v1/juries/${juryId}/preview`, body: undefined, sciencesStaff: 200 },
      ],
      // Checked before the PUT (routes in their order): no window set yet.
      'GET /api/registration/v1/formations/{formationId}/choice-window': [
        { method: 'GET', url: `/api/registration/v1/formations/${enrolFormation.id}/choice-window`, body: undefined, sciencesStaff: 404 },
      ],
      'GET /api/payment/v1/enrolments/{id}/payments': [
        { method: 'GET', url: `/api/payment/v1/enrolments/${enrolment.id}/payments`, body: undefined, sciencesStaff: 200 },
      ],
      'GET /api/payment/v1/payments/{id}': [{ method: 'GET', url: `/api/payment/v1/payments/${payment.id}`, body: undefined, sciencesStaff: 200 }],
      // Nothing was paid yet: staff of the sciences reach the rule, which refuses.
      'POST /api/payment/v1/payments/{id}/refunds': [
        { method: 'POST', url: `/api/payment/v1/payments/${payment.id}/refunds`, body: { amountCents: 100, reason: 'Matrice' }, sciencesStaff: 422 },
      ],
    };
    const staffRoutes = operations.filter(
      (op) => op.access !== 'public' && permission(op.access).roles.includes('staff') && !UNSCOPED_FOR_STAFF.has(op.access),
    );
    const send = async (call: { method: string; url: string; body: unknown; headers?: Record<string, string> }, claims: TokenClaims) =>
      Buffer.isBuffer(call.body)
        ? runtime.app.inject({
            method: call.method as 'POST',
            url: call.url,
            headers: { ...call.headers, authorization: `Bearer ${await runtime.tokenFor(claims)}` },
            payload: call.body,
          })
        : runtime.request(call.method, call.url, call.body, call.headers ?? {}, claims);
    for (const op of staffRoutes) {
      const cases = scopedCases[`${op.method} ${op.path}`];
      expect(cases, `${op.method} ${op.path} is a staff write: add how its structure scope is tested`).toBeDefined();
      for (const call of cases!) {
        const elsewhere = await send(call, staffElsewhere);
        const outsideScope = 'urn:pegase:problem:outside-scope';
        if (call.perItem) {
          expect(elsewhere.statusCode, `${call.method} ${call.url} as staff of UFR-DEG: ${elsewhere.body}`).toBe(200);
          const results = elsewhere.json().results as { outcome: string; problem?: { type: string } }[];
          expect(results.length).toBeGreaterThan(0);
          for (const result of results)
            expect(result, `${call.method} ${call.url} as staff of UFR-DEG`).toMatchObject({ outcome: 'failed', problem: { type: outsideScope } });
        } else {
          expect(elsewhere.statusCode, `${call.method} ${call.url} as staff of UFR-DEG: ${elsewhere.body}`).toBe(403);
          expect(elsewhere.json().type).toBe(outsideScope);
        }
        const own = await send(call, callers.staff);
        expect(own.statusCode, `${call.method} ${call.url} as staff of UFR-SCI`).toBe(call.sciencesStaff);
        if (call.perItem) {
          const results = own.json().results as { problem?: { type: string } }[];
          expect(
            results.filter((result) => result.problem?.type === outsideScope),
            `${call.method} ${call.url} as staff of UFR-SCI`,
          ).toEqual([]);
        }
      }
    }
  });
});
