import type { DatabaseHandle, Role } from '@pegase/platform';

/** Demo accounts of the sandbox, printed at start (their passwords are public). */
export const sandboxAccounts: {
  login: string;
  password: string;
  displayName: string;
  roles: Role[];
  structureCodes?: string[];
  learnerCode?: string;
  about: string;
}[] = [
  { login: 'admin', password: 'admin-sandbox', displayName: 'Alice Admin', roles: ['admin'], about: 'administrator of the whole establishment' },
  {
    login: 'staff',
    password: 'staff-sandbox',
    displayName: 'Sophie Scolarité',
    roles: ['staff'],
    structureCodes: ['UFR-SCI'],
    about: 'manager of the UFR Sciences et Techniques',
  },
  {
    login: 'teacher',
    password: 'teacher-sandbox',
    displayName: 'Thomas Enseignant',
    roles: ['teacher'],
    structureCodes: ['SCI-INFO'],
    about: 'teacher in the computer science department',
  },
  { login: 'student1', password: 'student1-sandbox', displayName: 'Camille Martin', roles: ['student'], learnerCode: 'PGS0000001', about: 'student' },
  { login: 'student2', password: 'student2-sandbox', displayName: 'Léa Bernard', roles: ['student'], learnerCode: 'PGS0000002', about: 'student' },
  { login: 'student3', password: 'student3-sandbox', displayName: 'Hugo Petit', roles: ['student'], learnerCode: 'PGS0000003', about: 'student' },
  {
    login: 'student4',
    password: 'student4-sandbox',
    displayName: 'Éloïse Nguyễn',
    roles: ['student'],
    learnerCode: 'PGS0000004',
    about: 'student enrolled in the Licence’s third year, choosing her courses',
  },
];

export const sandboxClient = { clientId: 'sandbox-integration', secret: 'sandbox-integration-secret', roles: ['service' as Role] };

export async function loadSandboxIdentities(database: DatabaseHandle): Promise<void> {
  const { saveIntegrationClient, saveLocalAccount } = await import('@pegase/platform');
  for (const account of sandboxAccounts) await saveLocalAccount(database.db, account);
  await saveIntegrationClient(database.db, sandboxClient.clientId, 'Demo integration of the sandbox', sandboxClient.roles, sandboxClient.secret);
}

export function sandboxBanner(base: string): string {
  const width = Math.max(...sandboxAccounts.map((a) => a.login.length));
  return [
    '',
    `Pégase sandbox ready at ${base}`,
    `  API reader: ${base}/api/docs`,
    `  OpenAPI:    ${base}/api/openapi.json`,
    `  OpenID:     ${base}/auth/.well-known/openid-configuration`,
    '',
    '  Demo accounts (login / password):',
    ...sandboxAccounts.map((a) => `    ${a.login.padEnd(width)}  ${a.password.padEnd(18)} ${a.about}`),
    `  Integration client: ${sandboxClient.clientId} / ${sandboxClient.secret} (client credentials)`,
    '',
    '  Nothing is kept: the sandbox database lives in memory.',
    '',
  ].join('\n');
}
