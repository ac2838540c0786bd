import { defineWebModule } from '@pegase/web-kit';
import { referentialEn } from './i18n/en.ts';
import { referentialFr } from './i18n/fr.ts';

/** The referential's pages: structures (table, tree, form, history), periods, nomenclatures and their values. */
export const referentialWeb = defineWebModule({
  name: 'referential',
  translations: { fr: referentialFr, en: referentialEn },
  navigation: [
    { path: '/structures', label: 'nav.structures', roles: ['staff'] },
    { path: '/periods', label: 'nav.periods', roles: ['staff'] },
    { path: '/nomenclatures', label: 'nav.nomenclatures', roles: ['staff'] },
  ],
  pages: [
    { path: '/structures', roles: ['staff'], load: () => import('./structures/StructuresPage.tsx') },
    { path: '/structures/new', roles: ['staff'], load: () => import('./structures/NewStructurePage.tsx') },
    { path: '/structures/:id', roles: ['staff'], load: () => import('./structures/StructurePage.tsx') },
    { path: '/periods', roles: ['staff'], load: () => import('./periods/PeriodsPage.tsx') },
    { path: '/periods/:id', roles: ['staff'], load: () => import('./periods/PeriodPage.tsx') },
    { path: '/nomenclatures', roles: ['staff'], load: () => import('./nomenclatures/NomenclaturesPage.tsx') },
    { path: '/nomenclatures/:code', roles: ['staff'], load: () => import('./nomenclatures/NomenclaturePage.tsx') },
  ],
  home: [
    { id: 'referential-english-labels', kind: 'queue', roles: ['staff'], load: () => import('./home/EnglishLabelQueue.tsx') },
    { id: 'referential-figures', kind: 'figure', roles: ['staff'], load: () => import('./home/ReferentialFigures.tsx') },
  ],
});
