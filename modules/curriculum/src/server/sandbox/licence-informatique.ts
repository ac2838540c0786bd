import { ec, hours, semester, ue, wholeUe, type OfferNode } from './offer.ts';

/** Language courses are given by the applied foreign languages department. */
const LANGUAGES = { owner: 'LLSH-LEA' };
/** Mathematics courses are given by the mathematics department. */
const MATHS = { owner: 'SCI-MATH' };

const year = (n: number, children: OfferNode['children']): OfferNode => ({
  code: `LINF-L${n}`,
  type: 'year',
  labels: { fr: `Licence Informatique ${n === 1 ? '1re' : `${n}e`} année`, en: `Computer Science, year ${n}` },
  ects: 60,
  enrolmentPoint: true,
  children,
});

const english = (n: number): OfferNode => wholeUe(`UE-S${n}-ANGLAIS`, `Anglais ${n}`, `English ${n}`, 3, hours(0, 24), LANGUAGES);

/**
 * Licence Informatique: three years (enrolment points), six semesters of 30
 * ECTS with four UEs each, and in S5 a choice of one language among three,
 * whose « Anglais scientifique » is taught to the master's first year as
 * well (shared: two paths).
 */
export const licenceInformatique: OfferNode = {
  code: 'LIC-INFO',
  type: 'formation',
  labels: { fr: 'Licence Informatique', en: 'Bachelor of Computer Science' },
  ects: 180,
  owner: 'SCI-INFO',
  children: [
    year(1, [
      semester('LINF-S1', 'Licence Informatique — Semestre 1', 'Computer Science — Semester 1', [
        ue('UE-S1-PROG', 'Programmation 1', 'Programming 1', 9, [
          ec('PROG-PYTHON', 'Initiation à la programmation (Python)', 'Introduction to programming (Python)', 6, hours(18, 24, 24)),
          ec('ALGO-INIT', 'Algorithmique élémentaire', 'Elementary algorithms', 3, hours(12, 18)),
        ]),
        ue('UE-S1-MATH', 'Mathématiques 1', 'Mathematics 1', 9, [
          ec('ANALYSE-1', 'Analyse 1', 'Calculus 1', 5, hours(24, 30), MATHS),
          ec('ALGEBRE-1', 'Algèbre linéaire 1', 'Linear algebra 1', 4, hours(18, 24), MATHS),
        ]),
        ue('UE-S1-SYS', 'Systèmes informatiques', 'Computer systems', 9, [
          ec('ARCHI-ORDI', 'Architecture des ordinateurs', 'Computer architecture', 5, hours(18, 18, 12)),
          ec('UNIX-INIT', 'Environnement Unix', 'The Unix environment', 4, hours(8, 0, 30)),
        ]),
        english(1),
      ]),
      semester('LINF-S2', 'Licence Informatique — Semestre 2', 'Computer Science — Semester 2', [
        ue('UE-S2-PROG', 'Programmation 2', 'Programming 2', 9, [
          ec('POO-1', 'Programmation orientée objet 1', 'Object-oriented programming 1', 6, hours(18, 18, 30)),
          ec('STRUCT-DONNEES', 'Structures de données', 'Data structures', 3, hours(12, 12, 6)),
        ]),
        ue('UE-S2-MATH', 'Mathématiques 2', 'Mathematics 2', 9, [
          ec('ANALYSE-2', 'Analyse 2', 'Calculus 2', 5, hours(24, 30), MATHS),
          ec('PROBA-1', 'Probabilités', 'Probability', 4, hours(18, 24), MATHS),
        ]),
        ue('UE-S2-WEB', 'Technologies du Web', 'Web technologies', 9, [
          ec('WEB-1', 'HTML, CSS et JavaScript', 'HTML, CSS and JavaScript', 5, hours(12, 0, 36)),
          ec('BDD-INIT', 'Introduction aux bases de données', 'Introduction to databases', 4, hours(16, 8, 16)),
        ]),
        english(2),
      ]),
    ]),
    year(2, [
      semester('LINF-S3', 'Licence Informatique — Semestre 3', 'Computer Science — Semester 3', [
        ue('UE-S3-ALGO', 'Algorithmique et structures de données', 'Algorithms and data structures', 9, [
          ec('ARBRES-GRAPHES', 'Arbres et graphes', 'Trees and graphs', 5, hours(20, 20, 12)),
          ec('COMPLEXITE', 'Complexité des algorithmes', 'Algorithmic complexity', 4, hours(18, 24)),
        ]),
        ue('UE-S3-PROG', 'Programmation avancée', 'Advanced programming', 9, [
          ec('PROG-C', 'Programmation en C', 'Programming in C', 5, hours(16, 12, 30)),
          ec('POO-2', 'Programmation orientée objet 2', 'Object-oriented programming 2', 4, hours(12, 12, 24)),
        ]),
        ue('UE-S3-LOGIQUE', 'Logique et mathématiques discrètes', 'Logic and discrete mathematics', 9, [
          ec('LOGIQUE', 'Logique', 'Logic', 5, hours(20, 24)),
          ec('MATH-DISCRETES', 'Combinatoire et dénombrement', 'Combinatorics', 4, hours(18, 24), MATHS),
        ]),
        english(3),
      ]),
      semester('LINF-S4', 'Licence Informatique — Semestre 4', 'Computer Science — Semester 4', [
        ue('UE-S4-BDD', 'Bases de données', 'Databases', 9, [
          ec('SQL', 'Langage SQL', 'The SQL language', 5, hours(16, 12, 24)),
          ec('MODELISATION', 'Modélisation des données', 'Data modelling', 4, hours(16, 24)),
        ]),
        ue('UE-S4-SYS', 'Systèmes d’exploitation', 'Operating systems', 9, [
          ec('SYS-EXPLOIT', 'Principes des systèmes d’exploitation', 'Operating system principles', 5, hours(24, 18, 12)),
          ec('PROG-SYS', 'Programmation système', 'Systems programming', 4, hours(10, 10, 24)),
        ]),
        ue('UE-S4-RESEAU', 'Réseaux et Web', 'Networks and the Web', 9, [
          ec('RESEAU-1', 'Réseaux 1', 'Networks 1', 5, hours(20, 12, 16)),
          ec('WEB-2', 'Développement web côté serveur', 'Server-side web development', 4, hours(8, 0, 30)),
        ]),
        english(4),
      ]),
    ]),
    year(3, [
      semester('LINF-S5', 'Licence Informatique — Semestre 5', 'Computer Science — Semester 5', [
        ue('UE-S5-GL', 'Génie logiciel', 'Software engineering', 9, [
          ec('GENIE-LOGICIEL', 'Conception et génie logiciel', 'Software design and engineering', 5, hours(20, 12, 20)),
          ec('TESTS', 'Tests et qualité logicielle', 'Software testing and quality', 4, hours(12, 8, 20)),
        ]),
        ue('UE-S5-THEORIE', 'Informatique théorique', 'Theoretical computer science', 9, [
          ec('LANGAGES-FORMELS', 'Langages formels et automates', 'Formal languages and automata', 5, hours(24, 30)),
          ec('COMPILATION', 'Compilation', 'Compilers', 4, hours(16, 10, 16)),
        ]),
        ue('UE-S5-RESEAU', 'Réseaux et sécurité', 'Networks and security', 9, [
          ec('RESEAU-2', 'Réseaux 2', 'Networks 2', 5, hours(20, 12, 20)),
          ec('SECURITE', 'Sécurité informatique', 'Computer security', 4, hours(16, 8, 16)),
        ]),
        ue('UE-S5-LANGUE', 'Langue vivante', 'Modern language', 3, [
          {
            code: 'LANGUE-S5-CHOIX',
            type: 'grouping',
            labels: { fr: 'Langue vivante au choix', en: 'Choice of a modern language' },
            choice: { min: 1, max: 1 },
            children: [
              ec('ANGLAIS-SCI', 'Anglais scientifique', 'Scientific English', 3, hours(0, 24), { ...LANGUAGES, openForChoice: true, capacity: 60 }),
              ec('ALLEMAND-S5', 'Allemand', 'German', 3, hours(0, 24), { ...LANGUAGES, openForChoice: true, capacity: 25 }),
              ec('ESPAGNOL-S5', 'Espagnol', 'Spanish', 3, hours(0, 24), { ...LANGUAGES, openForChoice: true, capacity: 30 }),
            ],
          },
        ]),
      ]),
      semester('LINF-S6', 'Licence Informatique — Semestre 6', 'Computer Science — Semester 6', [
        ue('UE-S6-IA', 'Intelligence artificielle', 'Artificial intelligence', 9, [
          ec('IA-INTRO', 'Introduction à l’intelligence artificielle', 'Introduction to artificial intelligence', 5, hours(20, 12, 20)),
          ec('FOUILLE-DONNEES', 'Fouille de données', 'Data mining', 4, hours(16, 8, 16)),
        ]),
        ue('UE-S6-WEB', 'Applications web et mobiles', 'Web and mobile applications', 6, [
          ec('WEB-3', 'Frameworks web', 'Web frameworks', 3, hours(8, 0, 20)),
          ec('MOBILE', 'Développement mobile', 'Mobile development', 3, hours(8, 0, 20)),
        ]),
        wholeUe('UE-S6-PROJET', 'Projet de synthèse en équipe', 'Team capstone project', 9, hours(4, 20, 40)),
        wholeUe('UE-S6-STAGE', 'Stage en entreprise ou en laboratoire (8 semaines)', 'Internship in a company or a lab (8 weeks)', 6, {}),
      ]),
    ]),
  ],
};
