import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import plugin from './module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });
const rule = plugin.rules['module-boundaries']!;

tester.run('module-boundaries', rule, {
  valid: [
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { Structure } from '@pegase/referential/contract';" },
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { defineModule } from '@pegase/platform';" },
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { y } from './y.ts';" },
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { C } from '../../contract/index.ts';" },
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { C } from '../../../referential/src/contract/index.ts';" },
    { filename: '/repo/modules/curriculum/src/contract/x.ts', code: "import { S } from '@pegase/referential/contract';" },
    { filename: '/repo/platform/src/http/app.ts', code: "import Fastify from 'fastify';" },
    { filename: '/repo/apps/server/src/modules.ts', code: "import { referentialModule } from '@pegase/referential/module';" },
    { filename: '/repo/modules/curriculum/src/web/Page.tsx', code: "import { DataTable } from '@pegase/web-kit';" },
    { filename: '/repo/modules/curriculum/src/web/Page.tsx', code: "import { Form } from './Form.tsx';" },
    { filename: '/repo/platform/web-kit/src/table/DataTable.tsx', code: "import { useQuery } from '@tanstack/react-query';" },
    { filename: '/repo/apps/web/src/modules.ts', code: "import { referentialWeb } from '@pegase/referential/web';" },
    { filename: '/repo/modules/curriculum/test/fixture.ts', code: "import { referentialModule } from '@pegase/referential/module';" },
    { filename: '/repo/modules/curriculum/src/server/graph.test.ts', code: "import { referentialModule } from '@pegase/referential/module';" },
    { filename: '/repo/modules/payment/test/fixture.ts', code: "import { enrolmentRuntime } from '@pegase/enrolment/testing';" },
  ],
  invalid: [
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { t } from '@pegase/referential/module';", errors: [{ messageId: 'otherModule' }] },
    {
      filename: '/repo/modules/curriculum/src/server/x.ts',
      code: "import { t } from '../../../referential/src/server/shared/tables.ts';",
      errors: [{ messageId: 'otherModule' }],
    },
    {
      filename: '/repo/modules/curriculum/src/server/x.ts',
      code: "export * from '@pegase/referential/src/server/module.ts';",
      errors: [{ messageId: 'otherModule' }],
    },
    {
      filename: '/repo/modules/curriculum/src/server/x.ts',
      code: "const m = await import('@pegase/referential/module');",
      errors: [{ messageId: 'otherModule' }],
    },
    { filename: '/repo/modules/curriculum/src/contract/x.ts', code: "import { t } from '../server/tables.ts';", errors: [{ messageId: 'contractLeak' }] },
    { filename: '/repo/platform/src/http/app.ts', code: "import { S } from '@pegase/referential/contract';", errors: [{ messageId: 'kernelImportsModule' }] },
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { main } from '@pegase/server';", errors: [{ messageId: 'app' }] },
    { filename: '/repo/modules/curriculum/src/web/Page.tsx', code: "import { q } from '../server/queries.ts';", errors: [{ messageId: 'webImportsServer' }] },
    {
      filename: '/repo/modules/payment/src/server/fees.ts',
      code: "import { enrolmentRuntime } from '@pegase/enrolment/testing';",
      errors: [{ messageId: 'otherModule' }],
    },
    {
      filename: '/repo/modules/curriculum/test/fixture.ts',
      code: "import { t } from '../../referential/src/server/shared/tables.ts';",
      errors: [{ messageId: 'otherModule' }],
    },
    {
      filename: '/repo/modules/curriculum/src/web/Page.tsx',
      code: "import { defineModule } from '@pegase/platform';",
      errors: [{ messageId: 'webImportsServer' }],
    },
    { filename: '/repo/modules/curriculum/src/web/Page.tsx', code: "import { p } from '@pegase/referential/web';", errors: [{ messageId: 'otherModule' }] },
    {
      filename: '/repo/platform/web-kit/src/api/client.ts',
      code: "import { Problem } from '../../../src/errors/problem.ts';",
      errors: [{ messageId: 'webImportsServer' }],
    },
    {
      filename: '/repo/platform/web-kit/src/api/client.ts',
      code: "import { w } from '@pegase/referential/web';",
      errors: [{ messageId: 'kernelImportsModule' }],
    },
    { filename: '/repo/modules/curriculum/src/server/x.ts', code: "import { DataTable } from '@pegase/web-kit';", errors: [{ messageId: 'serverImportsWeb' }] },
    { filename: '/repo/platform/src/http/app.ts', code: "import { DataTable } from '@pegase/web-kit';", errors: [{ messageId: 'serverImportsWeb' }] },
  ],
});
