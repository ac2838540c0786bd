import { ec, hours, semester, ue, wholeUe, type OfferNode } from './offer.ts';

/** Common to both tracks in their third semester: built under the first, shared by the second. */
const research = ue('UE-M2S3-RECHERCHE', 'Recherche et société numérique', 'Research and the digital society', 6, [
  ec('METHODO-RECHERCHE', 'Méthodologie de la recherche', 'Research methods', 3, hours(12, 12)),
  ec('DROIT-NUMERIQUE', 'Droit du numérique et RGPD', 'Digital law and GDPR', 3, hours(18, 6), { owner: 'DEG-DROIT-PRIVE' }),
]);

/** The internship semester, common to both tracks. */
const internship = semester('MINF-M2-S4', 'Master Informatique — Semestre 4 (stage)', 'Master of Computer Science — Semester 4 (internship)', [
  ue('UE-M2S4-STAGE', 'Stage de fin d’études', 'End-of-studies internship', 30, [
    ec('STAGE-M2', 'Stage de six mois', 'Six-month internship', 27, {}),
    ec('MEMOIRE-M2', 'Mémoire et soutenance', 'Thesis and defence', 3, hours(0, 6)),
  ]),
]);

const secondYear = (track: 'GL' | 'SD', fr: string, en: string, children: OfferNode['children']): OfferNode => ({
  code: `MINF-M2-${track}`,
  type: 'year',
  labels: { fr: `Master Informatique 2e année — ${fr}`, en: `Computer Science, master year 2 — ${en}` },
  ects: 60,
  enrolmentPoint: true,
  children,
});

/**
 * Master Informatique: a common first year, then two tracks (parcours),
 * Génie logiciel and Science des données, each with its second year; the
 * tracks share the research UE of S3 and the internship semester S4. The
 * first year's « Anglais scientifique » is the Licence's S5 course (shared).
 */
export const masterInformatique: OfferNode = {
  code: 'MAST-INFO',
  type: 'formation',
  labels: { fr: 'Master Informatique', en: 'Master of Computer Science' },
  ects: 120,
  owner: 'SCI-INFO',
  children: [
    {
      code: 'MINF-M1',
      type: 'year',
      labels: { fr: 'Master Informatique 1re année', en: 'Computer Science, master year 1' },
      ects: 60,
      enrolmentPoint: true,
      children: [
        semester('MINF-M1-S1', 'Master Informatique — Semestre 1', 'Master of Computer Science — Semester 1', [
          ue('UE-M1S1-ALGO', 'Algorithmique avancée', 'Advanced algorithms', 12, [
            ec('ALGO-AVANCEE', 'Algorithmes et structures avancés', 'Advanced algorithms and structures', 6, hours(24, 24)),
            ec('OPTIMISATION', 'Optimisation combinatoire', 'Combinatorial optimisation', 6, hours(20, 24)),
          ]),
          ue('UE-M1S1-SYSTEMES', 'Systèmes distribués', 'Distributed systems', 12, [
            ec('SYS-DISTRIBUES', 'Algorithmes distribués', 'Distributed algorithms', 6, hours(20, 12, 16)),
            ec('CLOUD', 'Informatique en nuage', 'Cloud computing', 6, hours(12, 0, 32)),
          ]),
          ue('UE-M1S1-PRO', 'Anglais et insertion professionnelle', 'English and employability', 6, [
            { shared: 'ANGLAIS-SCI' },
            ec('INSERTION-PRO', 'Insertion professionnelle', 'Employability', 3, hours(6, 12)),
          ]),
        ]),
        semester('MINF-M1-S2', 'Master Informatique — Semestre 2', 'Master of Computer Science — Semester 2', [
          ue('UE-M1S2-GL', 'Génie logiciel avancé', 'Advanced software engineering', 12, [
            ec('ARCHI-LOGICIELLE', 'Architecture logicielle', 'Software architecture', 6, hours(20, 12, 16)),
            ec('DEVOPS', 'Intégration et déploiement continus', 'Continuous integration and delivery', 6, hours(8, 0, 36)),
          ]),
          ue('UE-M1S2-DONNEES', 'Science des données', 'Data science', 9, [
            ec('APPRENTISSAGE', 'Apprentissage automatique', 'Machine learning', 5, hours(20, 0, 20)),
            ec('STATS-INFERENCE', 'Statistique inférentielle', 'Statistical inference', 4, hours(18, 18), { owner: 'SCI-MATH' }),
          ]),
          wholeUe('UE-M1S2-TER', 'Travail d’étude et de recherche', 'Supervised research project', 9, hours(0, 12, 24)),
        ]),
      ],
    },
    {
      code: 'MINF-GL',
      type: 'track',
      labels: { fr: 'Parcours Génie logiciel', en: 'Software Engineering track' },
      children: [
        secondYear('GL', 'Génie logiciel', 'Software Engineering', [
          semester('MINF-GL-S3', 'Génie logiciel — Semestre 3', 'Software Engineering — Semester 3', [
            ue('UE-M2GL-ARCHI', 'Architectures logicielles', 'Software architectures', 12, [
              ec('MICROSERVICES', 'Microservices et API', 'Microservices and APIs', 6, hours(16, 0, 30)),
              ec('VERIF-FORMELLE', 'Vérification formelle', 'Formal verification', 6, hours(20, 20)),
            ]),
            wholeUe('UE-M2GL-PROJET', 'Projet de génie logiciel en équipe agile', 'Agile team software project', 12, hours(0, 12, 48)),
            research,
          ]),
          internship,
        ]),
      ],
    },
    {
      code: 'MINF-SD',
      type: 'track',
      labels: { fr: 'Parcours Science des données', en: 'Data Science track' },
      children: [
        secondYear('SD', 'Science des données', 'Data Science', [
          semester('MINF-SD-S3', 'Science des données — Semestre 3', 'Data Science — Semester 3', [
            ue('UE-M2SD-DONNEES', 'Apprentissage profond et données massives', 'Deep learning and big data', 12, [
              ec('DEEP-LEARNING', 'Réseaux de neurones profonds', 'Deep neural networks', 6, hours(20, 0, 24)),
              ec('BIG-DATA', 'Calcul distribué sur données massives', 'Distributed computing on big data', 6, hours(16, 0, 28)),
            ]),
            wholeUe('UE-M2SD-PROJET', 'Projet de science des données', 'Data science project', 12, hours(0, 12, 48)),
            { shared: 'UE-M2S3-RECHERCHE' },
          ]),
          { shared: 'MINF-M2-S4' },
        ]),
      ],
    },
  ],
};
