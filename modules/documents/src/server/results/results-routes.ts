import { originOf, scopeOf, type ModuleApp, type ModuleContext, type Principal } from '@pegase/platform';
import { documentsPermissions, JuryEnrolmentParams, JuryParams, ResultsDocumentQuery } from '../../contract/index.ts';
import type { Requester } from '../certificates/issue-document.ts';
import { pdfResponse, sendPdf } from '../certificates/pdf-reply.ts';
import { issueResultsDocument, type ResultsDocumentKind } from './results-commands.ts';

const documents: Record<ResultsDocumentKind, { segment: string; what: string; operation: string; description: string }> = {
  transcript: {
    segment: 'transcript',
    what: 'The transcript (relevé de notes)',
    operation: 'Transcript',
    description:
      'Each call issues a new transcript with its own verification code, recorded with its file: the establishment, the learner, the formation, the period and session, every line of the published result tree (mark on 20, result, credits) and the overall outcome; the rank only with ?rank=true. 404 until the jury has published its results.',
  },
  'pass-certificate': {
    segment: 'pass-certificate',
    what: 'The pass certificate (attestation de réussite)',
    operation: 'PassCertificate',
    description:
      'Each call issues a new pass certificate with its own verification code, recorded with its file: the learner passed the formation at this session of the period, with their honours. Only for a passed result (409 not-passed otherwise); 404 until the jury has published its results.',
  },
};

const self = (principal: Principal | null): Requester => ({ kind: 'self', learnerCode: principal?.learnerCode ?? null });

export async function resultsRoutes(app: ModuleApp, context: ModuleContext, publicUrl: string): Promise<void> {
  for (const [kind, about] of Object.entries(documents) as [ResultsDocumentKind, (typeof documents)[ResultsDocumentKind]][]) {
    app.get(
      `/juries/:juryId/enrolments/:enrolmentId/${about.segment}`,
      {
        config: { access: { permission: documentsPermissions.certificatesRead } },
        schema: {
          summary: `Issue ${about.what.charAt(0).toLowerCase()}${about.what.slice(1)} of an enrolment’s published result as PDF; staff for the enrolment points of their structures.`,
          description: about.description,
          operationId: `issue${about.operation}`,
          params: JuryEnrolmentParams,
          querystring: ResultsDocumentQuery,
          produces: ['application/pdf'],
          response: { 200: pdfResponse(about.what) },
        },
      },
      async (request, reply) =>
        sendPdf(
          reply,
          await issueResultsDocument(
            context,
            kind,
            { juryId: request.params.juryId, enrolmentId: request.params.enrolmentId },
            { language: request.query.lang ?? 'fr', rank: request.query.rank ?? false },
            { kind: 'scope', scope: scopeOf(request.principal) },
            publicUrl,
            originOf(request),
          ),
        ),
    );
    app.get(
      `/me/juries/:juryId/${about.segment}`,
      {
        config: { access: { permission: documentsPermissions.self } },
        schema: {
          summary: `The signed-in student’s ${about.what.charAt(0).toLowerCase()}${about.what.slice(1)} of a jury’s published results as PDF (404 when the jury has published none of theirs).`,
          description: about.description,
          operationId: `issueMy${about.operation}`,
          params: JuryParams,
          querystring: ResultsDocumentQuery,
          produces: ['application/pdf'],
          response: { 200: pdfResponse(about.what) },
        },
      },
      async (request, reply) =>
        sendPdf(
          reply,
          await issueResultsDocument(
            context,
            kind,
            { juryId: request.params.juryId, enrolmentId: null },
            { language: request.query.lang ?? 'fr', rank: request.query.rank ?? false },
            self(request.principal),
            publicUrl,
            originOf(request),
          ),
        ),
    );
  }
}
