import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn } from './common-en.ts';
import { commonFr } from './common-fr.ts';

export const LANGUAGES = [
  { code: 'fr', name: 'Français' },
  { code: 'en', name: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/** A module's texts: French is the reference, English must have the same keys. */
export interface Translations<T> {
  fr: T;
  en: T;
}

const STORAGE_KEY = 'pegase.lang';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'fr';
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: commonFr }, en: { translation: commonEn } },
  lng: initialLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
});

/** Adds a module's texts under its own namespace (`useTranslation(namespace)`). */
export function registerTranslations<T extends object>(namespace: string, translations: Translations<T>): void {
  i18n.addResourceBundle('fr', namespace, translations.fr, true, true);
  i18n.addResourceBundle('en', namespace, translations.en, true, true);
}

/** Locale for Intl: the interface language. */
export const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** The label in the interface language, French when there is no English one. */
export function labelIn(language: string, labels: { fr: string; en?: string | null }): string {
  return language === 'en' ? (labels.en ?? labels.fr) : labels.fr;
}

export default i18n;
