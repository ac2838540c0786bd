import { describe, expect, it } from 'vitest';
import { loginPage } from './pages.ts';

describe('the embedded provider’s login page', () => {
  it('shows the links the modules add under the form, escaped, in the page’s language', () => {
    const html = loginPage({
      lang: 'fr',
      action: '/auth/interaction/x/login',
      switchHref: '/auth/interaction/x?lang=en',
      links: [{ href: '/api/enrolment/v1/activation?lang=fr', label: 'Nouvel étudiant ? <Activez> votre compte' }],
    });
    expect(html).toContain('<p class="more"><a href="/api/enrolment/v1/activation?lang=fr">Nouvel étudiant ? &lt;Activez&gt; votre compte</a></p>');
    expect(loginPage({ lang: 'en', action: '/a', switchHref: '/b' })).not.toContain('class="more"');
  });
});
