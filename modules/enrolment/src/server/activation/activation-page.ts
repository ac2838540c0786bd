import { escapeHtml, plainPage } from '@pegase/platform';

/**
 * The account activation page: plain server-rendered HTML like the
 * provider's login page (no script, French first, English on request,
 * labels, errors beside their fields and in a summary announced to screen
 * readers, usable on a phone). It is reached from the login page's link or
 * the admission letter.
 */
export type PageLanguage = 'fr' | 'en';

export interface Option {
  code: string;
  label: string;
}

export interface ActivationForm {
  invitationCode?: string;
  birthDate?: string;
  sex?: string;
  birthCountry?: string;
  email?: string;
}

const texts = {
  fr: {
    title: 'Activer mon compte étudiant',
    intro:
      'Vous êtes admis(e) et vous n’avez pas encore de compte : saisissez le code d’invitation de votre courrier d’admission et votre date de naissance, puis choisissez votre mot de passe.',
    code: 'Code d’invitation',
    codeHint: '16 caractères, sur votre courrier d’admission.',
    birthDate: 'Date de naissance',
    sex: 'Sexe (état civil)',
    birthCountry: 'Pays de naissance',
    email: 'Adresse électronique',
    emailHint: 'La scolarité vous écrit à cette adresse.',
    password: 'Mot de passe',
    passwordHint: 'Au moins 12 caractères.',
    confirm: 'Confirmez le mot de passe',
    submit: 'Activer mon compte',
    errors: 'Le formulaire contient des erreurs :',
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
    doneTitle: 'Votre compte est activé',
    done: (login: string) => `Votre identifiant est <strong>${login}</strong> (votre numéro d’étudiant). Connectez-vous pour faire votre inscription.`,
    signIn: 'Me connecter et m’inscrire',
    other: 'English',
    otherLang: 'en',
    invalid: {
      invitationCode: 'Saisissez le code de 16 caractères de votre courrier d’admission.',
      birthDate: 'Saisissez votre date de naissance, telle qu’à l’état civil.',
      sex: 'Choisissez une réponse.',
      birthCountry: 'Choisissez votre pays de naissance (à la date de votre naissance).',
      email: 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.',
      password: 'Choisissez un mot de passe d’au moins 12 caractères.',
    },
    unknownInvitation: 'Aucune admission ne correspond à ce code d’invitation et à cette date de naissance : vérifiez-les sur votre courrier d’admission.',
    accountExists: (login: string) =>
      `Vous avez déjà un compte : connectez-vous avec l’identifiant ${login} (mot de passe oublié : adressez-vous à la scolarité).`,
    external:
      'Votre université vous fournit votre compte : connectez-vous avec celui-ci, puis saisissez votre code d’invitation sur la page de votre inscription.',
    withdrawn: 'Cette invitation a été retirée : adressez-vous à la scolarité.',
    tooMany: 'Trop de tentatives depuis cet appareil : patientez une minute.',
    fields: {
      invitationCode: 'Code d’invitation',
      birthDate: 'Date de naissance',
      sex: 'Sexe',
      birthCountry: 'Pays de naissance',
      email: 'Adresse électronique',
      password: 'Mot de passe',
    },
  },
  en: {
    title: 'Activate my student account',
    intro: 'You are admitted and have no account yet: enter the invitation code of your admission letter and your birth date, then choose your password.',
    code: 'Invitation code',
    codeHint: '16 characters, on your admission letter.',
    birthDate: 'Date of birth',
    sex: 'Sex (civil status)',
    birthCountry: 'Country of birth',
    email: 'E-mail address',
    emailHint: 'The registrar’s office writes to you there.',
    password: 'Password',
    passwordHint: 'At least 12 characters.',
    confirm: 'Confirm the password',
    submit: 'Activate my account',
    errors: 'The form has errors:',
    mismatch: 'The two passwords differ.',
    doneTitle: 'Your account is active',
    done: (login: string) => `Your login is <strong>${login}</strong> (your learner number). Sign in to enrol.`,
    signIn: 'Sign in and enrol',
    other: 'Français',
    otherLang: 'fr',
    invalid: {
      invitationCode: 'Enter the 16-character code of your admission letter.',
      birthDate: 'Enter your date of birth, as in your civil status.',
      sex: 'Choose an answer.',
      birthCountry: 'Choose your country of birth (as it was when you were born).',
      email: 'Enter a valid e-mail address, for example first.last@example.org.',
      password: 'Choose a password of at least 12 characters.',
    },
    unknownInvitation: 'No admission matches this invitation code and birth date: check both against your admission letter.',
    accountExists: (login: string) => `You already have an account: sign in with the login ${login} (forgotten password: ask the registrar’s office).`,
    external: 'Your university gives you your account: sign in with it, then enter your invitation code on your enrolment page.',
    withdrawn: 'This invitation was withdrawn: contact the registrar’s office.',
    tooMany: 'Too many attempts from this device: wait a minute.',
    fields: {
      invitationCode: 'Invitation code',
      birthDate: 'Date of birth',
      sex: 'Sex',
      birthCountry: 'Country of birth',
      email: 'E-mail address',
      password: 'Password',
    },
  },
} as const;

export type FieldName = keyof (typeof texts)['fr']['fields'] | 'confirm';

const style = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f4f6f9; color: #1b1f24; }
  main { max-width: 30rem; margin: 2rem auto; padding: 2rem 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  label, legend { display: block; font-weight: 600; margin: 1rem 0 .3rem; padding: 0; }
  fieldset { border: 0; margin: 0; padding: 0; }
  fieldset label { display: inline-block; font-weight: 400; margin: .2rem 1.2rem .2rem 0; }
  input[type=radio] { width: auto; margin-right: .3rem; }
  input, select { box-sizing: border-box; width: 100%; font-size: 1rem; padding: .6rem; border: 1px solid #5c6670; border-radius: 4px; background: #fff; }
  .hint { color: #4a525a; font-size: .9rem; margin: .2rem 0 0; }
  .field-error { color: #8a001a; font-size: .95rem; margin: .3rem 0 0; }
  button, a.button { display: block; box-sizing: border-box; width: 100%; margin-top: 1.4rem; padding: .7rem; font-size: 1rem; font-weight: 600;
    border: 0; border-radius: 4px; background: #0b4f9c; color: #fff; text-align: center; text-decoration: none; cursor: pointer; }
  :focus-visible { outline: 3px solid #c1440e; outline-offset: 2px; }
  .error { border-left: 4px solid #b00020; background: #fdecee; color: #7a0016; padding: .6rem .8rem; margin: 1rem 0; }
  .error a { color: #7a0016; }
  .done { border-left: 4px solid #1e6b34; background: #e9f5ec; color: #134522; padding: .6rem .8rem; margin: 1rem 0; }
  nav { text-align: right; }
  nav a { color: #0b4f9c; }
  @media (max-width: 32rem) { main { margin: 0; border-radius: 0; box-shadow: none; min-height: 100vh; } }
`;

function page(lang: PageLanguage, title: string, body: string, switchHref: string): string {
  const t = texts[lang];
  return plainPage({ lang, title: `${title} — Pégase`, style, body, otherLanguage: { href: switchHref, lang: t.otherLang, label: t.other } });
}

export interface FormPageOptions {
  lang: PageLanguage;
  action: string;
  switchHref: string;
  sexes: Option[];
  countries: Option[];
  values: ActivationForm;
  /** A message for the whole form (an unknown invitation, an account that exists). */
  error?: string | undefined;
  /** Messages per field. */
  fieldErrors?: Partial<Record<FieldName, string>>;
}

/** The activation form, with what was typed (never the password) and the errors of the last attempt. */
export function activationFormPage(options: FormPageOptions): string {
  const t = texts[options.lang];
  const errors = options.fieldErrors ?? {};
  const described = (name: FieldName, hint?: string) => {
    const ids = [...(hint ? [`${name}-hint`] : []), ...(errors[name] ? [`${name}-error`] : [])];
    return `${ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : ''}${errors[name] ? ' aria-invalid="true"' : ''}`;
  };
  const fieldError = (name: FieldName) => (errors[name] ? `<p class="field-error" id="${name}-error">${escapeHtml(errors[name])}</p>` : '');
  const hint = (name: FieldName, text: string) => `<p class="hint" id="${name}-hint">${text}</p>`;
  const value = (text: string | undefined) => escapeHtml(text ?? '');
  const listed = Object.entries(errors).map(
    ([name, message]) =>
      `<li><a href="#${name}">${escapeHtml(name === 'confirm' ? t.confirm : t.fields[name as keyof typeof t.fields])} : ${escapeHtml(message)}</a></li>`,
  );
  const summary =
    options.error !== undefined || listed.length > 0
      ? `<div class="error" role="alert" id="form-errors">${options.error !== undefined ? `<p>${escapeHtml(options.error)}</p>` : ''}${
          listed.length > 0 ? `<p>${t.errors}</p><ul>${listed.join('')}</ul>` : ''
        }</div>`
      : '';
  const sexes = options.sexes
    .map(
      (sex) =>
        `<label><input type="radio" name="sex" value="${escapeHtml(sex.code)}"${options.values.sex === sex.code ? ' checked' : ''} required>${escapeHtml(sex.label)}</label>`,
    )
    .join('');
  const countries = options.countries
    .map(
      (country) =>
        `<option value="${escapeHtml(country.code)}"${options.values.birthCountry === country.code ? ' selected' : ''}>${escapeHtml(country.label)}</option>`,
    )
    .join('');
  return page(
    options.lang,
    t.title,
    `<h1>${t.title}</h1>
<p>${t.intro}</p>
${summary}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
  <input type="hidden" name="lang" value="${options.lang}">
  <label for="invitationCode">${t.code}</label>
  <input id="invitationCode" name="invitationCode" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" required value="${value(options.values.invitationCode)}"${described('invitationCode', t.codeHint)}>
  ${hint('invitationCode', t.codeHint)}${fieldError('invitationCode')}
  <label for="birthDate">${t.birthDate}</label>
  <input id="birthDate" name="birthDate" type="date" autocomplete="bday" required value="${value(options.values.birthDate)}"${described('birthDate')}>
  ${fieldError('birthDate')}
  <fieldset id="sex"${errors.sex ? ' aria-describedby="sex-error"' : ''}><legend>${t.sex}</legend>${sexes}</fieldset>
  ${fieldError('sex')}
  <label for="birthCountry">${t.birthCountry}</label>
  <select id="birthCountry" name="birthCountry" required${described('birthCountry')}>${countries}</select>
  ${fieldError('birthCountry')}
  <label for="email">${t.email}</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${value(options.values.email)}"${described('email', t.emailHint)}>
  ${hint('email', t.emailHint)}${fieldError('email')}
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12"${described('password', t.passwordHint)}>
  ${hint('password', t.passwordHint)}${fieldError('password')}
  <label for="confirm">${t.confirm}</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required${described('confirm')}>
  ${fieldError('confirm')}
  <button type="submit">${t.submit}</button>
</form>`,
    options.switchHref,
  );
}

/** The account is open: the login to use, and the way to the application. */
export function activatedPage(lang: PageLanguage, login: string, signInHref: string, switchHref: string): string {
  const t = texts[lang];
  return page(
    lang,
    t.doneTitle,
    `<h1>${t.doneTitle}</h1>
<div class="done" role="status"><p>${t.done(escapeHtml(login))}</p></div>
<a class="button" href="${escapeHtml(signInHref)}">${t.signIn}</a>`,
    switchHref,
  );
}

export const passwordMismatch = (lang: PageLanguage) => texts[lang].mismatch;

/** The message for a field the server found wrong, in the page's language. */
export const invalidField = (lang: PageLanguage, field: keyof (typeof texts)['fr']['invalid']) => texts[lang].invalid[field];

/** The message for a refusal of the whole form, by problem type. */
export function formProblem(lang: PageLanguage, slug: string, login: string | undefined): string | undefined {
  const t = texts[lang];
  if (slug === 'unknown-invitation') return t.unknownInvitation;
  if (slug === 'account-exists') return t.accountExists(login ?? '');
  if (slug === 'accounts-external') return t.external;
  if (slug === 'invitation-used') return t.withdrawn;
  if (slug === 'too-many-requests') return t.tooMany;
  return undefined;
}
