import type { IssuedResults } from '../../contract/index.ts';
import { commonTexts, formatDate, formationText, holderIntroduction, holderName } from '../certificates/certificate-texts.ts';
import type { DocumentContent } from '../certificates/document-content.ts';
import type { LetterTexts, PageTexts } from '../certificates/document-pdf.ts';
import { decisionText, documentTexts, fill, formatCredits, formatMark } from '../certificates/document-texts.ts';
import { groupCode } from '../certificates/verification-code.ts';

/** The result a transcript or a pass certificate prints (a results document always has one). */
export function resultsOf(content: DocumentContent): IssuedResults {
  if (content.results === null) throw new Error(`A ${content.kind} prints a published result: none was given.`);
  return content.results;
}

/** What both results documents say the same way: the year and session, and the root's outcome in words. */
function resultsFacts(content: DocumentContent) {
  const results = resultsOf(content);
  const lang = content.language;
  const t = documentTexts[lang];
  const root = results.lines[0];
  return {
    results,
    t,
    values: {
      year: content.period.academicYear,
      session: results.session,
      name: holderName(content.holder, lang),
      formation: formationText(content.formation, lang),
      mark: formatMark(results.mark, lang),
      credits: formatCredits(root?.credits ?? '0', lang),
      decision: decisionText(results.decision, lang),
      honours: results.honours === null ? '' : t.honours[results.honours],
      date: formatDate(results.publishedAt, lang),
    },
  };
}

/** The page texts of a results document: the common ones, its title, its electronic note and what its verification page says. */
function pageTexts(content: DocumentContent, verificationNote: string, metadataSubject: string): PageTexts {
  const t = documentTexts[content.language];
  return {
    ...commonTexts(content, groupCode(content.code)),
    title: t.kinds[content.kind],
    electronic: t.electronic,
    verificationNote,
    metadataSubject,
  };
}

/** Every sentence of a transcript around its table. */
export function transcriptTexts(content: DocumentContent) {
  const { results, t, values } = resultsFacts(content);
  const lang = content.language;
  const holder = content.holder;
  const identity: [string, string][] = [
    [t.transcript.identity.holder, values.name],
    [t.transcript.identity.birthDate, formatDate(holder.birthDate, lang)],
    [t.transcript.identity.code, holder.code],
    ...(holder.ine === null ? [] : [[t.transcript.identity.ine, holder.ine] as [string, string]]),
    [t.transcript.identity.formation, values.formation],
  ];
  const summary = [
    fill(t.transcript.outcome, values),
    ...(results.mark === null ? [] : [fill(t.transcript.mark, values)]),
    ...(results.honours === null ? [] : [fill(t.transcript.honours, values)]),
    fill(t.transcript.credits, values),
    ...(results.rank === null ? [] : [fill(t.transcript.rank, { rank: results.rank })]),
  ];
  return {
    page: pageTexts(content, t.transcript.verificationNote, fill(t.transcript.metadataSubject, values)),
    subtitle: fill(t.subtitle, values),
    continued: fill(t.transcript.continued, values),
    identity,
    columns: t.transcript.columns,
    summary,
    published: fill(t.published, values),
    /** A line's mark, and the session it comes from when that is not the jury's. */
    mark: (mark: string | null, session: 1 | 2 | null) =>
      session === null || session === results.session ? formatMark(mark, lang) : `${formatMark(mark, lang)} ${fill(t.transcript.otherSession, { session })}`,
    decision: (decision: string) => decisionText(decision, lang),
    credits: (credits: string) => formatCredits(credits, lang),
  };
}

/** Every sentence of a pass certificate. */
export function passCertificateTexts(content: DocumentContent): LetterTexts {
  const { results, t, values } = resultsFacts(content);
  const { civility, identity } = holderIntroduction(content.holder, content.language);
  const sex = content.holder.sex === 'F' || content.holder.sex === 'M' ? content.holder.sex : 'other';
  const honours = results.honours === null ? '' : fill(t.pass.withHonours, values);
  return {
    ...pageTexts(content, t.pass.verificationNote, fill(t.pass.metadataSubject, values)),
    subtitle: fill(t.subtitle, values),
    body: fill(t.pass.body, { ...values, civility, identity, admitted: t.pass.admitted[sex], honours }),
    detail: fill(t.pass.detail, { ...values, published: fill(t.published, values) }),
    note: null,
  };
}

/** What a results document certifies, in words, for its verification page. */
export function certifiesText(content: Pick<DocumentContent, 'kind' | 'language' | 'formation' | 'period' | 'results'>): string {
  const lang = content.language;
  const results = content.results;
  const t = documentTexts[lang];
  const values = { formation: formationText(content.formation, lang), year: content.period.academicYear };
  if (content.kind === 'enrolment' || results === null) return fill(t.verification.certifies.enrolment, values);
  const decision = decisionText(results.decision, lang);
  const outcome = results.mark === null ? decision : fill(t.verification.outcome, { decision, mark: formatMark(results.mark, lang) });
  const honours = results.honours === null ? '' : fill(t.pass.withHonours, { honours: t.honours[results.honours] });
  return fill(t.verification.certifies[content.kind], { ...values, session: results.session, outcome, honours });
}
