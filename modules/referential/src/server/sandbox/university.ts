import type { CreateStructure } from '../../contract/index.ts';

/** A plausible French university for the sandbox: faculties, departments, services. */
export const sandboxEstablishment = {
  uai: '0999999F',
  name: 'Université Pégase',
  shortName: 'UPG',
  city: 'Villeneuve-sur-Scolarité',
  website: 'https://www.univ-pegase.example.fr',
};

type Node = Omit<CreateStructure, 'parentId'> & { children?: Node[] };

export const sandboxStructures: Node[] = [
  {
    code: 'UFR-SCI',
    type: 'ufr',
    labels: { fr: 'UFR Sciences et Techniques', en: 'Faculty of Science and Technology' },
    children: [
      { code: 'SCI-INFO', type: 'department', labels: { fr: 'Département d’informatique', en: 'Department of Computer Science' } },
      { code: 'SCI-MATH', type: 'department', labels: { fr: 'Département de mathématiques', en: 'Department of Mathematics' } },
      { code: 'SCI-PHYS', type: 'department', labels: { fr: 'Département de physique', en: 'Department of Physics' } },
      { code: 'SCI-CHIM', type: 'department', labels: { fr: 'Département de chimie', en: 'Department of Chemistry' } },
      { code: 'SCI-BIO', type: 'department', labels: { fr: 'Département de biologie', en: 'Department of Biology' } },
      { code: 'LAB-LIPG', type: 'laboratory', labels: { fr: 'Laboratoire d’informatique de Pégase', en: 'Pégase Computer Science Laboratory' } },
    ],
  },
  {
    code: 'UFR-LLSH',
    type: 'ufr',
    labels: { fr: 'UFR Lettres, Langues et Sciences humaines', en: 'Faculty of Arts, Languages and Humanities' },
    children: [
      { code: 'LLSH-LETTRES', type: 'department', labels: { fr: 'Département de lettres modernes', en: 'Department of French Literature' } },
      { code: 'LLSH-LEA', type: 'department', labels: { fr: 'Département de langues étrangères appliquées', en: 'Department of Applied Foreign Languages' } },
      { code: 'LLSH-HIST', type: 'department', labels: { fr: 'Département d’histoire', en: 'Department of History' } },
      { code: 'LLSH-PSY', type: 'department', labels: { fr: 'Département de psychologie', en: 'Department of Psychology' } },
    ],
  },
  {
    code: 'UFR-DEG',
    type: 'ufr',
    labels: { fr: 'UFR Droit, Économie et Gestion', en: 'Faculty of Law, Economics and Management' },
    children: [
      { code: 'DEG-DROIT-PRIVE', type: 'department', labels: { fr: 'Département de droit privé', en: 'Department of Private Law' } },
      { code: 'DEG-DROIT-PUBLIC', type: 'department', labels: { fr: 'Département de droit public', en: 'Department of Public Law' } },
      { code: 'DEG-ECO', type: 'department', labels: { fr: 'Département d’économie', en: 'Department of Economics' } },
    ],
  },
  {
    code: 'IUT',
    type: 'institute',
    labels: { fr: 'Institut universitaire de technologie', en: 'University Institute of Technology' },
    children: [
      { code: 'IUT-INFO', type: 'department', labels: { fr: 'Département BUT Informatique', en: 'Computer Science (BUT) Department' } },
      {
        code: 'IUT-GEII',
        type: 'department',
        labels: { fr: 'Département BUT Génie électrique et informatique industrielle', en: 'Electrical and Industrial Computing (BUT) Department' },
      },
      { code: 'IUT-TC', type: 'department', labels: { fr: 'Département BUT Techniques de commercialisation', en: 'Marketing Techniques (BUT) Department' } },
    ],
  },
  { code: 'IAE', type: 'school', labels: { fr: 'IAE — École universitaire de management', en: 'IAE — University School of Management' } },
  {
    code: 'INSPE',
    type: 'institute',
    labels: { fr: 'Institut national supérieur du professorat et de l’éducation', en: 'National Institute for Teacher Training' },
  },
  {
    code: 'DEVE',
    type: 'service',
    labels: { fr: 'Direction des études et de la vie étudiante', en: 'Directorate of Studies and Student Life' },
    children: [{ code: 'DEVE-SCOL', type: 'service', labels: { fr: 'Service central de la scolarité', en: 'Central Registry Office' } }],
  },
];
