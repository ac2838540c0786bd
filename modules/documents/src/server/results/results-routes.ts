import { scopeOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { documentsPermissions, JuryEnrolmentParams, JuryParams, ResultsDocumentQuery } from '../../contract/index.ts';
import { pdfRoute } from '../certificates/pdf-reply.ts';
import { issueResultsDocument, type ResultsDocumentKind } from './results-commands.ts';

const documents: Record<ResultsDocumentKind, { what: string; operation: string; description: string }> = {
  transcript: {
    what: 'The transcript (relevé de notes)',
    operation: 'Transcript',
    description:
      'Each call issues a new transcript with its own verification code, recorded with its file: the establishment, the learner, the formation, the period and session, every line of the published result tree (mark on 20, result, credits) and the overall outcome; the rank only with ?rank=true. 404 until the jury has published its results.',
  },
  'pass-certificate': {
    what: 'The pass certificate (attestation de réussite)',
    operation: 'PassCertificate',
    description:
      'Each call issues a new pass certificate with its own verification code, recorded with its file: the learner passed the formation at this session of the period, with their honours. Only for a passed result (409 not-passed otherwise); 404 until the jury has published its results.',
  },
};

export async function resultsRoutes(app: ModuleApp, context: ModuleContext, publicUrl: string): Promise<void> {
  for (const [kind, about] of Object.entries(documents) as [ResultsDocumentKind, (typeof documents)[ResultsDocumentKind]][]) {
    const lowered = `${about.what.charAt(0).toLowerCase()}${about.what.slice(1)}`;
    pdfRoute(
      app,
      {
        url: `/juries/:juryId/enrolments/:enrolmentId/${kind}`,
        permission: documentsPermissions.certificatesRead,
        what: about.what,
        summary: `Issue ${lowered} of an enrolment’s published result as PDF; staff for the enrolment points of their structures.`,
        description: about.description,
        operationId: `issue${about.operation}`,
        params: JuryEnrolmentParams,
        querystring: ResultsDocumentQuery,
      },
      ({ params, query, principal, origin }) =>
        issueResultsDocument(
          context,
          kind,
          params,
          { language: query.lang ?? 'fr', rank: query.rank ?? false },
          { kind: 'scope', scope: scopeOf(principal) },
          publicUrl,
          origin,
        ),
    );
    pdfRoute(
      app,
      {
        url: `/me/juries/:juryId/${kind}`,
        permission: documentsPermissions.self,
        what: about.what,
        summary: `The signed-in student’s ${lowered} of a jury’s published results as PDF (404 when the jury has published none of theirs).`,
        description: about.description,
        operationId: `issueMy${about.operation}`,
        params: JuryParams,
        querystring: ResultsDocumentQuery,
      },
      ({ params, query, principal, origin }) =>
        issueResultsDocument(
          context,
          kind,
          { juryId: params.juryId, enrolmentId: null },
          { language: query.lang ?? 'fr', rank: query.rank ?? false },
          { kind: 'self', learnerCode: principal?.learnerCode ?? null },
          publicUrl,
          origin,
        ),
    );
  }
}
