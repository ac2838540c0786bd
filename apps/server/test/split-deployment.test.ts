import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testServerUrl, type TestDatabase } from '@pegase/platform/testing';
import { pdfText } from '../../../modules/documents/test/pdf-reading.ts';
import { runPegase, type Serving } from './run-pegase.ts';
import { moduleNames, Pending, startSplitCluster, stopAll, tail, until, type Answer, type Hop } from './split-deployment-cluster.ts';

const PUBLIC_URL = 'https://scolarite.example.fr';
const FORMATION = 'LIC-SPLIT';
const L1 = `${FORMATION}>${FORMATION}-L1`;

/** A route of each module that needs no data: its own process answers it, every other one says there is no such route. */
const probes: Record<string, string> = {
  referential: '/api/referential/v1/periods',
  curriculum: '/api/curriculum/v1/types',
  enrolment: '/api/enrolment/v1/learners',
  payment: '/api/payment/v1/settings',
  documents: '/api/documents/v1/verify/AAAAAAAAAAAAAAAAAAAA',
  registration: '/api/registration/v1/me/cursus',
  assessment: '/api/assessment/v1/me/teaching',
};

const transports = [
  { name: 'Kafka', url: process.env['PEGASE_TEST_KAFKA_URL'] },
  { name: 'NATS JetStream', url: process.env['PEGASE_TEST_NATS_URL'] },
];

/**
 * The split deployment (issue 9): each module in its own `pegase serve
 * --modules <name>` process, on one PostgreSQL and one broker, and a
 * learner's year through them — enrolment validated, cursus built, marks,
 * results published, transcript — each request sent to the process of the
 * module whose route it is, each module learning the others' facts from the
 * broker only. Needs PostgreSQL and the broker: runs in `npm run
 * test:integration` (Kafka; NATS JetStream too when PEGASE_TEST_NATS_URL is set).
 */
for (const transport of transports) {
  describe.skipIf(testServerUrl() === undefined || transport.url === undefined || transport.url === '')(
    `a split deployment on ${transport.name}: one process per module`,
    () => {
      let database: TestDatabase | undefined;
      const processes: Serving[] = [];
      afterAll(async () => {
        await stopAll(processes);
        await database?.drop();
      });

      it('carries an enrolment to a published transcript across the processes', async () => {
        const begun = Date.now();
        database = await createTestDatabase();
        // A namespace of its own: fresh topics or streams, and no other test's consumers.
        const namespace = `split-${randomBytes(4).toString('hex')}`;
        const cli = { DATABASE_URL: database.url!, PEGASE_PUBLIC_URL: PUBLIC_URL };
        /** `pegase …` against the database, which must succeed; its standard output. */
        const pegase = async (args: string[], stdin?: string) => {
          const finished = await runPegase(args, cli, 60_000, stdin);
          if (finished.code !== 0) throw new Error(`pegase ${args.join(' ')} exited ${finished.code}: ${finished.stderr}`);
          return finished.stdout.trim();
        };
        /** A local account and a token for it, signed by the CLI with the key in the database. */
        const tokenOf = async (login: string, ...options: string[]) => {
          await pegase(['account', '--login', login, ...options, '--password-stdin'], 'a long enough password\n');
          return pegase(['token', '--user', login]);
        };
        await pegase(['migrate']);
        const migratedIn = Date.now() - begun;
        const env = {
          ...cli,
          PEGASE_MIGRATE_ON_START: 'false',
          PEGASE_EVENTS: transport.url!,
          PEGASE_EVENTS_NAMESPACE: namespace,
          PEGASE_DB_POOL_MAX: '4',
          PEGASE_SHUTDOWN_DELAY_MS: '0',
          LOG_LEVEL: 'warn',
        };
        // The administrator's token while the processes start.
        const [cluster, token] = await Promise.all([startSplitCluster(env, (server) => processes.push(server)), tokenOf('split-admin', '--roles', 'admin')]);
        const started = Date.now() - begun - migratedIn;
        const { api, servers } = cluster;

        // Each process serves its module only: another module's route is no route at all there.
        for (const [name, server] of servers) {
          for (const [module, path] of Object.entries(probes)) {
            const answer = await cluster.raw(server, token, path);
            if (module === name) {
              // The CLI's token verifies here: tokens are checked with the keys in the database (decision 0007).
              expect(answer.status, `${name} ${path}`).not.toBe(401);
              expect(String(answer.json['detail'] ?? ''), `${name} ${path}`).not.toMatch(/^No route/);
            } else {
              expect(answer.status, `${name} ${path}`).toBe(404);
              expect(answer.json['detail'], `${name} ${path}`).toBe(`No route GET ${path}. The API is described at /api/openapi.json.`);
            }
          }
        }

        const hops: Hop[] = [];
        const context =
          (...modules: string[]) =>
          () =>
            modules.map((m) => tail(m, servers.get(m))).join('\n');
        const expectStatus = (answer: Answer, status: number, what: string) => {
          expect(answer.status, `${what}: ${answer.bytes.toString('utf8').slice(0, 500)}`).toBe(status);
          return answer.json;
        };
        /** A request that succeeds once the module learned what it needs from another's events. */
        const afterEvents = (label: string, from: string[], module: string, method: string, path: string, body?: unknown, status = 201) =>
          until(
            hops,
            label,
            async () => {
              const answer = await api(module, token, method, path, body);
              return answer.status === status ? answer.json : new Pending({ status: answer.status, body: answer.json });
            },
            context(...from, module),
          );
        const admin = async (module: string, method: string, path: string, body?: unknown, status = 201, headers: Record<string, string> = {}) =>
          expectStatus(await api(module, token, method, path, body, headers), status, `${method} /api/${module}/v1${path}`);

        // Referential: nomenclatures, the establishment, the year and the faculty.
        for (const [code, values] of [
          ['COUNTRY', ['100']],
          ['SEX', ['F', 'M']],
          ['REGIME', ['FI']],
          ['ENROLMENT-ORIGIN', ['MANUELLE']],
          ['PROFILE', ['BOURSIER']],
        ] as const) {
          await admin('referential', 'POST', '/nomenclatures', { code, labels: { fr: code } });
          for (const value of values)
            await admin('referential', 'POST', `/nomenclatures/${code}/values`, { code: value, labels: { fr: value }, validFrom: '1900-01-01' });
        }
        await admin('referential', 'PUT', '/establishment', { uai: '0999999F', name: 'Université Pégase', city: 'Lyon' });
        const period = await admin('referential', 'POST', '/periods', {
          code: '2026-2027',
          type: 'academic-year',
          labels: { fr: 'Année universitaire 2026-2027', en: 'Academic year 2026-2027' },
          startDate: '2026-09-01',
          endDate: '2027-08-31',
        });
        const faculty = await admin('referential', 'POST', '/structures', { code: 'UFR-S', type: 'ufr', labels: { fr: 'UFR de sciences' } });

        // Curriculum: a formation, once it knows the period and the faculty; validated.
        const object = (code: string, type: string, parentId: string | null, fr: string, extra: Record<string, unknown> = {}) => ({
          periodId: period.id,
          code,
          type,
          labels: { fr },
          ownerStructureId: faculty.id,
          parentId,
          ...extra,
        });
        const formation = await afterEvents(
          'referential → curriculum (period, faculty)',
          ['referential'],
          'curriculum',
          'POST',
          '/objects',
          object(FORMATION, 'formation', null, 'Licence répartie'),
        );
        const year = await admin(
          'curriculum',
          'POST',
          '/objects',
          object(`${FORMATION}-L1`, 'year', formation.id, 'L1 répartie', { enrolmentPoint: true, ects: 30 }),
        );
        const s1 = await admin('curriculum', 'POST', '/objects', object('S1', 'semester', year.id, 'Semestre 1', { ects: 30 }));
        const ue1 = await admin('curriculum', 'POST', '/objects', object('UE1', 'ue', s1.id, 'Fondamentaux', { ects: 30 }));
        await admin('curriculum', 'POST', '/objects', object('EC11', 'ec', ue1.id, 'Analyse', { ects: 15 }));
        await admin('curriculum', 'POST', '/objects', object('EC12', 'ec', ue1.id, 'Algèbre', { ects: 15 }));
        await admin('curriculum', 'POST', `/objects/${formation.id}/validate`, undefined, 200);

        // Payment: the year's fees, BOURSIER exempt, once it knows the period and the validated point.
        const rules = {
          levels: [{ level: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence' }, amountCents: 17800 }],
          adjustments: [{ profile: 'BOURSIER', kind: 'exemption', labels: { fr: 'Exonération — boursier' } }],
          extras: [],
          instalments: false,
        };
        await afterEvents('referential → payment (period)', ['referential'], 'payment', 'PUT', `/periods/${period.id}/fee-rules`, rules, 200);
        await afterEvents('curriculum → payment (enrolment point)', ['curriculum'], 'payment', 'PUT', `/points/${year.id}/level`, { level: 'LICENCE' }, 200);

        // Enrolment: a learner and an enrolment at the year, submitted; payment waives the fees; validated.
        const learner = await afterEvents('referential → enrolment (nomenclatures)', ['referential'], 'enrolment', 'POST', '/learners?confirmNew=true', {
          familyName: 'Durand',
          givenNames: 'Camille',
          birthDate: '2006-01-01',
          birthCountry: '100',
          sex: 'F',
        });
        const learnerCode = String(learner['code']);
        // The student's account and token, while the events travel.
        const studentToken = tokenOf('camille.durand', '--roles', 'student', '--learner', learnerCode);
        studentToken.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
        const enrolment = await afterEvents('curriculum → enrolment (validated point)', ['curriculum'], 'enrolment', 'POST', '/enrolments', {
          learnerId: learner.id,
          pointId: year.id,
          origin: 'MANUELLE',
          regime: 'FI',
          profiles: ['BOURSIER'],
        });
        await admin('enrolment', 'POST', `/enrolments/${enrolment.id}/submit`, undefined, 200, { 'idempotency-key': `split-${enrolment.id}` });
        await until(
          hops,
          'enrolment → payment → enrolment (fees waived, exempt)',
          async () => {
            const answer = await api('enrolment', token, 'GET', `/enrolments/${enrolment.id}`);
            return answer.json['paymentStatus'] === 'exempt' ? true : new Pending(answer.json['paymentStatus']);
          },
          context('enrolment', 'payment'),
        );
        await admin('enrolment', 'POST', `/enrolments/${enrolment.id}/validate`, undefined, 200);

        // Registration builds the cursus from the validation.
        const cursus = await until(
          hops,
          'enrolment → registration (cursus built)',
          async () => {
            const answer = await api('registration', token, 'GET', `/enrolments/${enrolment.id}/cursus`);
            const entries = (answer.json['entries'] ?? []) as { code: string }[];
            return answer.status === 200 && entries.some((entry) => entry.code === 'EC12') ? entries : new Pending(answer.status);
          },
          context('enrolment', 'registration'),
        );
        expect(cursus.map((entry) => entry.code)).toEqual([`${FORMATION}-L1`, 'S1', 'UE1', 'EC11', 'EC12']);

        // Assessment: an exam on each course element, once it knows the offer; marks once it knows the cursus.
        const exam = (path: string) => ({ periodId: period.id, path, session: 1, code: 'EXAM', label: 'Examen' });
        const ec11 = await afterEvents(
          'curriculum → assessment (validated offer)',
          ['curriculum'],
          'assessment',
          'POST',
          '/assessments',
          exam(`${L1}>S1>UE1>EC11`),
        );
        const ec12 = await admin('assessment', 'POST', '/assessments', exam(`${L1}>S1>UE1>EC12`));
        await until(
          hops,
          'registration → assessment (cursus on the mark sheet)',
          async () => {
            const answer = await api('assessment', token, 'GET', `/assessments/${ec11.id}/sheet`);
            const lines = (answer.json['lines'] ?? []) as { enrolmentId: string }[];
            return lines.some((line) => line.enrolmentId === enrolment.id) ? lines : new Pending({ status: answer.status, lines: lines.length });
          },
          context('registration', 'enrolment', 'assessment'),
        );
        await admin('assessment', 'PUT', `/assessments/${ec11.id}/marks`, { marks: [{ enrolmentId: enrolment.id, mark: '14' }] }, 200);
        await admin('assessment', 'PUT', `/assessments/${ec12.id}/marks`, { marks: [{ enrolmentId: enrolment.id, mark: '12' }] }, 200);
        const jury = await admin('assessment', 'POST', '/juries', { formationId: formation.id, periodId: period.id, session: 1 });
        expect((await admin('assessment', 'POST', `/juries/${jury.id}/deliberate`, undefined, 200))['results']).toBe(1);
        expect((await admin('assessment', 'POST', `/juries/${jury.id}/publish`, undefined, 200))['status']).toBe('published');

        // The student, with a token the CLI signed: the results from assessment, the transcript from documents.
        const student = await studentToken;
        const mine = await api('assessment', student, 'GET', '/me/results');
        expect(mine.status, mine.bytes.toString('utf8')).toBe(200);
        const published = mine.json as unknown as { jury: { id: string }; result: { learnerCode: string; mark: string; decision: string; rank: number } }[];
        expect(published).toHaveLength(1);
        expect(published[0]!.jury.id).toBe(jury.id);
        expect(published[0]!.result).toMatchObject({ learnerCode, mark: '13.000', decision: 'ADM', rank: 1 });
        const transcript = await until(
          hops,
          'assessment → documents (published results, transcript)',
          async () => {
            const answer = await api('documents', student, 'GET', `/me/juries/${jury.id}/transcript`);
            return answer.status === 200 ? answer : new Pending({ status: answer.status, body: answer.json });
          },
          context('referential', 'enrolment', 'assessment', 'documents'),
        );
        expect(transcript.headers.get('content-type')).toBe('application/pdf');
        const text = await pdfText(transcript.bytes);
        for (const expected of [
          'RELEVÉ DE NOTES',
          'Université Pégase',
          `Numéro d’étudiant ${learnerCode}`,
          'Camille DURAND',
          'Résultat : Admis',
          'Moyenne : 13,00 / 20',
        ])
          expect(text, text).toContain(expected);

        const lines = hops.map((hop) => `  ${hop.label}: ${hop.ms} ms (${hop.attempts} attempt${hop.attempts === 1 ? '' : 's'})`);
        console.log(
          `split deployment on ${transport.name}: database and migrations in ${migratedIn} ms, ${moduleNames.length} processes ready in ${started} ms, ` +
            `scenario in ${Date.now() - begun - migratedIn - started} ms; waits for the events:\n${lines.join('\n')}`,
        );
      }, 240_000);
    },
  );
}
