import { and, asc, eq } from 'drizzle-orm';
import { conflict, notFound, Problem, type Executor, type ModuleContext, type Origin } from '@pegase/platform';
import type { Certificate, CertificateLanguage, IssuedResults } from '../../contract/index.ts';
import { decisionText } from '../certificates/document-texts.ts';
import { assertMayIssue, enrolmentParts, issueDocument, snapshotOf, type Requester } from '../certificates/issue-document.ts';
import { enrolments, learners, publishedResults, type PublishedResultRow } from '../shared/tables.ts';

export type ResultsDocumentKind = 'transcript' | 'pass-certificate';

/** Which result: a jury's, of one enrolment (staff) or of the signed-in student (self). */
export interface ResultsTarget {
  juryId: string;
  enrolmentId: string | null;
}

const notPublished = (juryId: string, whose: string) =>
  new Problem(
    404,
    'not-found',
    'Not found',
    `No published result of jury ${juryId} for ${whose}: transcripts and pass certificates exist once the jury has published its results.`,
  );

/** The student's own published result of the jury (none: 404, as for anyone else's). */
async function ownResult(db: Executor, juryId: string, learnerCode: string | null): Promise<PublishedResultRow> {
  const [row] =
    learnerCode === null
      ? []
      : await db
          .select({ result: publishedResults })
          .from(publishedResults)
          .innerJoin(learners, eq(learners.id, publishedResults.learnerId))
          .where(and(eq(publishedResults.juryId, juryId), eq(learners.code, learnerCode)))
          .orderBy(asc(publishedResults.enrolmentId))
          .limit(1);
  if (row === undefined) throw notPublished(juryId, 'you');
  return row.result;
}

/**
 * The published result and its enrolment, once the requester may have it:
 * staff within the scope of the enrolment's point (403 outside it, checked
 * before publication so that the answer does not tell what another faculty
 * published), the student only their own (404 otherwise).
 */
async function resultFor(db: Executor, target: ResultsTarget, requester: Requester) {
  if (requester.kind === 'self' || target.enrolmentId === null) {
    const result = await ownResult(db, target.juryId, requester.kind === 'self' ? requester.learnerCode : null);
    const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.id, result.enrolmentId));
    if (enrolment === undefined) {
      throw new Problem(503, 'busy', 'Try again', 'The enrolment of this result has not reached the documents module yet: try again in a moment.');
    }
    const parts = await enrolmentParts(db, enrolment);
    await assertMayIssue(db, requester, parts, () => notPublished(target.juryId, 'you'));
    return { result, parts };
  }
  const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.id, target.enrolmentId));
  if (enrolment === undefined) throw notFound('Enrolment', target.enrolmentId);
  const parts = await enrolmentParts(db, enrolment);
  await assertMayIssue(db, requester, parts, () => notFound('Enrolment', enrolment.id));
  const [result] = await db
    .select()
    .from(publishedResults)
    .where(and(eq(publishedResults.juryId, target.juryId), eq(publishedResults.enrolmentId, enrolment.id)));
  if (result === undefined) throw notPublished(target.juryId, `enrolment ${enrolment.id}`);
  return { result, parts };
}

function issuedResults(row: PublishedResultRow, showRank: boolean): IssuedResults {
  return {
    juryId: row.juryId,
    session: row.session,
    publishedAt: row.publishedAt.toISOString(),
    mark: row.mark,
    decision: row.decision,
    // What the document does not print, its record does not claim either.
    rank: showRank ? row.rank : null,
    honours: row.honours,
    lines: row.lines,
  };
}

/**
 * Issues a transcript or a pass certificate of a published result, like a
 * certificate of enrolment: a new verification code, the PDF, the record
 * of what it said. Published results never change, so nothing is checked
 * again at the time of recording. A pass certificate needs a passed
 * result (ADM): 409 `not-passed` otherwise.
 */
export async function issueResultsDocument(
  context: ModuleContext,
  kind: ResultsDocumentKind,
  target: ResultsTarget,
  options: { language: CertificateLanguage; rank: boolean },
  requester: Requester,
  publicUrl: string,
  origin: Origin,
): Promise<{ certificate: Certificate; pdf: Buffer }> {
  const { result, parts } = await resultFor(context.db, target, requester);
  if (kind === 'pass-certificate' && result.decision !== 'ADM') {
    throw conflict(
      'not-passed',
      `A pass certificate (attestation de réussite) is issued for a passed result (ADM); this result of session ${result.session} is ${result.decision} (${decisionText(result.decision, 'en').toLowerCase()}). The transcript (relevé de notes) can be issued.`,
    );
  }
  const snapshot = await snapshotOf(context.db, parts);
  const draft = {
    kind,
    enrolmentId: result.enrolmentId,
    language: options.language,
    provisional: false,
    results: issuedResults(result, kind === 'transcript' && options.rank),
    ...snapshot,
  };
  return issueDocument(context, draft, publicUrl, origin);
}
