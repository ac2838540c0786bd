/**
 * The web side of the kernel. Module pages (`modules/<name>/src/web`) import
 * only this package and their module's contract; the shell (`apps/web`)
 * composes them.
 */
export { api, dataOf, ProblemError, type Problem, type components, type paths } from './api/client.ts';
export { ProblemAlert } from './api/ProblemAlert.tsx';
export { ModuleProblem } from './api/ModuleProblem.tsx';
export { problemSlugOf } from './api/problem.ts';
export { AuthGate, isStaff, login, logout, useSession, userManager, CALLBACK_PATH, type Role, type Session } from './auth/session.tsx';
export {
  default as i18n,
  LANGUAGES,
  formatDate,
  formatDateTime,
  formatNumber,
  labelIn,
  registerTranslations,
  type Language,
  type Translations,
} from './i18n/i18n.ts';
export { DataTable, type Column, type DataTableProps, type Page, type PageRequest, type RowSelection } from './table/DataTable.tsx';
export { useDebounced } from './table/useDebounced.ts';
export { toCsv, download } from './table/csv.ts';
export { fieldErrorsOf, translateFieldMessage } from './form/field-errors.ts';
export { FormErrorSummary, type FormFieldError } from './form/FormErrorSummary.tsx';
export { HistoryTable, type HistoryEntry, type HistoryPage } from './history/HistoryTable.tsx';
export { usePageTitle } from './layout/usePageTitle.ts';
export { PageHeading } from './layout/PageHeading.tsx';
export { FigureCard } from './layout/FigureCard.tsx';
export {
  defineWebModule,
  isProvided,
  mayUse,
  type PortalService,
  type WebModule,
  type WebPage,
  type WebNavEntry,
  type WebHomeCard,
  type LazyComponent,
} from './module/web-module.ts';
export { DetailList, type Detail } from './layout/DetailList.tsx';
export { StatusNotice } from './layout/StatusNotice.tsx';
export { academicYears, validatedFormations, LOOKUP_STALE_MS, OFFER, type AcademicYear, type OfferFormation } from './offer/offer-lookups.ts';
export { FormationPicker, useFormationChoice, type FormationFields } from './offer/FormationPicker.tsx';
