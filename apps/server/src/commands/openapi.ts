import type { Command } from './command.ts';

export const openapiCommand: Command = {
  name: 'openapi',
  summary: 'Print the OpenAPI 3.1 document of the API.',
  usage: `pegase openapi [--modules a,b]

Prints the OpenAPI 3.1 document generated from the route schemas on standard
output (the same document as GET /api/openapi.json). Touches no database.`,
  options: { modules: { type: 'string' } },
  async run(values) {
    const { createLogger, createRuntime, loadConfig } = await import('@pegase/platform');
    const { selectModules } = await import('../modules.ts');
    const { version } = await import('../version.ts');
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
    // A throw-away in-memory database: building the routes needs a context.
    const runtime = await createRuntime({
      config,
      modules: selectModules(values['modules'] as string | undefined),
      database: { kind: 'memory' },
      logger: createLogger('silent'),
      version,
    });
    try {
      process.stdout.write(`${JSON.stringify(runtime.app.swagger(), null, 2)}\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
