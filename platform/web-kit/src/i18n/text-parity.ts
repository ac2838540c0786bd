/**
 * Every text of a module's translations as `path → text` (nested objects
 * joined with dots). For the modules' i18n tests: imported as
 * `@pegase/web-kit/text-parity`, without the browser-only kit.
 */
export function flattenTexts(texts: object, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(`${prefix}${key}`, value);
    else for (const [path, text] of flattenTexts(value as object, `${prefix}${key}.`)) flat.set(path, text);
  }
  return flat;
}

const interpolations = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();

/**
 * What keeps a module's French and English texts from saying the same
 * things: a key in one language only, an empty text, interpolated
 * variables ({{name}}) that differ. Empty when they match (the modules' i18n tests expect that).
 */
export function textParityProblems(fr: object, en: object): string[] {
  const french = flattenTexts(fr);
  const english = flattenTexts(en);
  const problems: string[] = [];
  for (const path of french.keys()) if (!english.has(path)) problems.push(`${path}: no English text`);
  for (const path of english.keys()) if (!french.has(path)) problems.push(`${path}: no French text`);
  for (const [path, text] of french) {
    if (text.trim() === '') problems.push(`${path}: empty French text`);
    const other = english.get(path);
    if (other === undefined) continue;
    if (other.trim() === '') problems.push(`${path}: empty English text`);
    if (interpolations(other).join() !== interpolations(text).join())
      problems.push(`${path}: variables ${interpolations(text).join(', ')} in French, ${interpolations(other).join(', ')} in English`);
  }
  return problems;
}
