import type { ComponentType } from 'react';
import type { Role, Session } from '../auth/session.tsx';
import type { Translations } from '../i18n/i18n.ts';

/** A page's code arrives when it is first shown: each module is its own chunk. */
export type LazyComponent = () => Promise<{ default: ComponentType }>;

export interface WebPage {
  /** Path under the application root, in react-router syntax (`structures/:id`). */
  path: string;
  /** Who may open it; admins may open every staff page. */
  roles: Role[];
  load: LazyComponent;
}

export interface WebNavEntry {
  path: string;
  /** Key in the module's namespace. */
  label: string;
  roles: Role[];
}

/**
 * A card of a role's home page: `queue` for work waiting for the person,
 * `figure` for a count worth watching, `service` for a student's service.
 */
export interface WebHomeCard {
  id: string;
  kind: 'queue' | 'figure' | 'service';
  roles: Role[];
  load: LazyComponent;
  /** The portal services this card provides: the shell's "coming soon" cards for them are then not shown. */
  provides?: PortalService | PortalService[];
}

/** The services of a student's or a teacher's home that the shell announces until a module provides them. */
export type PortalService = 'myEnrolment' | 'myChoices' | 'myResults' | 'myDocuments' | 'myTeaching' | 'myMarks';

/** Whether one of these cards provides the service. */
export function isProvided(cards: readonly WebHomeCard[], service: PortalService): boolean {
  return cards.some((card) => (Array.isArray(card.provides) ? card.provides.includes(service) : card.provides === service));
}

/** What a module gives the web application, from `modules/<name>/src/web`. */
export interface WebModule {
  /** The module's name, also its i18n namespace. */
  name: string;
  translations: Translations<object>;
  navigation: WebNavEntry[];
  pages: WebPage[];
  home?: WebHomeCard[];
}

export function defineWebModule(module: WebModule): WebModule {
  return module;
}

/** Whether a person may use something meant for these roles. */
export function mayUse(session: Session, roles: readonly Role[]): boolean {
  if (session.roles.includes('admin') && (roles.includes('staff') || roles.includes('admin'))) return true;
  return roles.some((role) => session.roles.includes(role));
}
