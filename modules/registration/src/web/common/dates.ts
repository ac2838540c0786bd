/** Dates and times of choice windows, in the person's language and their device's time zone. */
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** « 12 septembre 2026 à 09:00 », « 12 September 2026 at 09:00 ». */
export function formatWhen(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The value of a `datetime-local` field (the device's time) for an instant. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` field's value names (the device's time), or undefined when it is not one. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
