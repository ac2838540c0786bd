import { escapeHtml, plainPage } from '../http/plain-page.ts';

/**
 * The few pages the embedded provider shows itself: login and errors. Plain
 * server-rendered HTML, French first, English on request, accessible (labels,
 * language, error announced to screen readers, visible focus, contrast over
 * 4.5:1), usable on a phone, no script.
 */
export type Language = 'fr' | 'en';

const texts = {
  fr: {
    title: 'Connexion à Pégase',
    heading: 'Connexion',
    intro: 'Identifiez-vous pour accéder à Pégase.',
    login: 'Identifiant',
    password: 'Mot de passe',
    submit: 'Se connecter',
    cas: 'Se connecter avec le compte de l’université (CAS)',
    or: 'ou',
    invalid: 'Identifiant ou mot de passe incorrect.',
    locked: (seconds: number) => `Trop d’essais infructueux : réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`,
    tooMany: 'Trop de tentatives depuis cet appareil : patientez une minute.',
    other: 'English',
    otherLang: 'en',
    errorTitle: 'La connexion n’a pas abouti',
    errorHint: 'Revenez à l’application et recommencez. Si le problème persiste, contactez le support en donnant le message ci-dessous.',
    logoutTitle: 'Déconnexion de Pégase',
    logoutQuestion: 'Voulez-vous vous déconnecter de Pégase ?',
    logoutHint: 'Sur un ordinateur partagé, déconnectez-vous toujours.',
    logoutYes: 'Oui, me déconnecter',
    logoutNo: 'Non, rester connecté',
    loggedOut: 'Vous êtes déconnecté.',
  },
  en: {
    title: 'Sign in to Pégase',
    heading: 'Sign in',
    intro: 'Sign in to use Pégase.',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    cas: 'Sign in with the university account (CAS)',
    or: 'or',
    invalid: 'Wrong login or password.',
    locked: (seconds: number) => `Too many failed attempts: try again in ${seconds} second${seconds > 1 ? 's' : ''}.`,
    tooMany: 'Too many attempts from this device: wait a minute.',
    other: 'Français',
    otherLang: 'fr',
    errorTitle: 'Sign-in did not succeed',
    errorHint: 'Go back to the application and try again. If it keeps failing, contact support and quote the message below.',
    logoutTitle: 'Sign out of Pégase',
    logoutQuestion: 'Do you want to sign out of Pégase?',
    logoutHint: 'On a shared computer, always sign out.',
    logoutYes: 'Yes, sign me out',
    logoutNo: 'No, stay signed in',
    loggedOut: 'You are signed out.',
  },
} as const;

export { escapeHtml };

export type LoginError = { kind: 'invalid' } | { kind: 'locked'; seconds: number } | { kind: 'too-many' };

const style = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f4f6f9; color: #1b1f24; }
  main { max-width: 26rem; margin: 3rem auto; padding: 2rem 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
  input { box-sizing: border-box; width: 100%; font-size: 1rem; padding: .6rem; border: 1px solid #5c6670; border-radius: 4px; }
  button, a.button { display: block; box-sizing: border-box; width: 100%; margin-top: 1.2rem; padding: .7rem; font-size: 1rem; font-weight: 600;
    border: 0; border-radius: 4px; background: #0b4f9c; color: #fff; text-align: center; text-decoration: none; cursor: pointer; }
  a.button.secondary, button.secondary { background: #fff; color: #0b4f9c; border: 2px solid #0b4f9c; }
  :focus-visible { outline: 3px solid #c1440e; outline-offset: 2px; }
  .error { border-left: 4px solid #b00020; background: #fdecee; color: #7a0016; padding: .6rem .8rem; margin: 1rem 0; }
  .or { text-align: center; margin: 1rem 0 0; color: #4a525a; }
  nav { text-align: right; }
  .more { margin: 1.2rem 0 0; text-align: center; }
  .more a { color: #0b4f9c; }
  nav a { color: #0b4f9c; }
  @media (max-width: 30rem) { main { margin: 0; border-radius: 0; box-shadow: none; min-height: 100vh; } }
`;

function page(lang: Language, title: string, body: string, switchHref: string | undefined): string {
  const t = texts[lang];
  const otherLanguage = switchHref === undefined ? undefined : { href: switchHref, lang: t.otherLang, label: t.other };
  return plainPage({ lang, title, style, body, otherLanguage });
}

export interface LoginPageOptions {
  lang: Language;
  action: string;
  /** Same page in the other language. */
  switchHref: string;
  casHref?: string | undefined;
  /** Links under the form, from the modules (already in the page's language). */
  links?: { href: string; label: string }[];
  login?: string | undefined;
  error?: LoginError | undefined;
}

export function loginPage(options: LoginPageOptions): string {
  const t = texts[options.lang];
  const error =
    options.error === undefined
      ? ''
      : `<div class="error" role="alert" id="login-error">${escapeHtml(
          options.error.kind === 'locked' ? t.locked(options.error.seconds) : options.error.kind === 'too-many' ? t.tooMany : t.invalid,
        )}</div>`;
  const described = options.error === undefined ? '' : ' aria-describedby="login-error"';
  const cas = options.casHref === undefined ? '' : `<a class="button secondary" href="${escapeHtml(options.casHref)}">${t.cas}</a><p class="or">${t.or}</p>`;
  return page(
    options.lang,
    t.title,
    `<h1>${t.heading}</h1>
<p>${t.intro}</p>
${error}
${cas}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
  <input type="hidden" name="lang" value="${options.lang}">
  <label for="login">${t.login}</label>
  <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(options.login ?? '')}"${described}>
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
  <button type="submit">${t.submit}</button>
</form>${(options.links ?? []).map((link) => `\n<p class="more"><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`).join('')}`,
    options.switchHref,
  );
}

export function errorPage(lang: Language, error: string, description: string | undefined): string {
  const t = texts[lang];
  return page(
    lang,
    t.errorTitle,
    `<h1>${t.errorTitle}</h1>
<p>${t.errorHint}</p>
<p class="error" role="alert"><code>${escapeHtml(error)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</p>`,
    undefined,
  );
}

/**
 * The confirmation oidc-provider asks before ending the session (its `form`
 * carries the anti-forgery token): the person's language instead of the
 * library's English page.
 */
export function logoutPage(lang: Language, form: string): string {
  const t = texts[lang];
  return page(
    lang,
    t.logoutTitle,
    `<h1>${t.logoutQuestion}</h1>
<p>${t.logoutHint}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${t.logoutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t.logoutNo}</button>`,
    undefined,
  );
}

export function loggedOutPage(lang: Language): string {
  const t = texts[lang];
  return page(lang, t.logoutTitle, `<h1>${t.loggedOut}</h1>`, undefined);
}
