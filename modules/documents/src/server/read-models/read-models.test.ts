import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsRuntime, staffOf } from '../../../test/documents-fixture.ts';
import { pdfText } from '../../../test/pdf-reading.ts';
import { documentsModule } from '../module.ts';

describe('what certificates learn from the other modules’ events', () => {
  let f: Awaited<ReturnType<typeof documentsRuntime>>;
  let enrolmentId: string;
  const issue = () => f.runtime.request('GET', `/api/documents/v1/enrolments/${enrolmentId}/certificate`, undefined, {}, staffOf('UFR-E'));

  beforeAll(async () => {
    f = await documentsRuntime({ establishment: false });
    enrolmentId = (await f.enrol(f.learner.id, f.point.id)).id;
  });
  afterAll(async () => f.runtime.close());

  it('waits for the establishment to be set in the referential', async () => {
    const refused = await issue();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe('urn:pegase:problem:establishment-not-set');
    await f.setEstablishment();
    await f.runtime.drainEvents();
    expect((await issue()).statusCode).toBe(200);
  });

  it('prints the learner as corrected since, and keeps what an earlier certificate said', async () => {
    const before = await issue();
    const learner = await f.runtime.request('PATCH', `/api/enrolment/v1/learners/${f.learner.id}`, { familyName: 'Lefèvre-Nguyễn' });
    expect(learner.statusCode, learner.body).toBe(200);
    await f.runtime.drainEvents();
    const after = await issue();
    expect(await pdfText(after.rawPayload)).toContain('Éloïse Ada LEFÈVRE-NGUYỄN, née le');
    const verify = async (code: string) =>
      (await f.runtime.request('GET', `/api/documents/v1/verify/${code}`, undefined, { accept: 'application/json' }, null)).json().holder;
    expect(await verify(String(before.headers['x-certificate-code']))).toBe('Éloïse Ada LEFÈVRE');
    expect(await verify(String(after.headers['x-certificate-code']))).toBe('Éloïse Ada LEFÈVRE-NGUYỄN');

    // An older version of the learner delivered late (at least once, out of order) changes nothing.
    const context = f.runtime.contexts.get('documents')!;
    const handler = documentsModule.handlers!(context).find((h) => h.event === 'enrolment.learner.updated')!;
    const stale = { ...learner.json(), familyName: 'Ancien', version: 1 };
    await context.transaction((tx) =>
      handler.handle(
        { id: randomUUID(), type: handler.event, source: 'enrolment', subject: f.learner.id, time: new Date().toISOString(), data: stale, requestId: null },
        tx,
      ),
    );
    expect(await pdfText((await issue()).rawPayload)).toContain('LEFÈVRE-NGUYỄN');
  });
});
