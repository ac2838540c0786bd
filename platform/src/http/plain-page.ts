/**
 * The few pages Pégase renders on the server for people who have no
 * session yet (login, account activation, certificate verification, the
 * test bank): plain HTML with no script, one language declared, a viewport
 * for phones, a link to the same page in the other language, and the
 * page's own style. One shell so that each page only says what is its own.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PlainPage {
  lang: 'fr' | 'en';
  /** The document's title (escaped here). */
  title: string;
  /** The page's CSS. */
  style: string;
  /** The main content, already HTML. */
  body: string;
  /** The same page in the other language. */
  otherLanguage?: { href: string; lang: 'fr' | 'en'; label: string } | undefined;
  /** Keep it out of search engines (a page reached by a code). */
  noindex?: boolean;
}

export function plainPage(page: PlainPage): string {
  const other = page.otherLanguage;
  const nav =
    other === undefined ? '' : `<nav><a href="${escapeHtml(other.href)}" lang="${other.lang}" hreflang="${other.lang}">${escapeHtml(other.label)}</a></nav>\n`;
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${page.noindex === true ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>
<body>
<main>
${nav}${page.body}
</main>
</body>
</html>`;
}
