// Checks the Containerfile without a container engine (none runs in CI): every
// file it copies exists and is not left out of the build context, every
// workspace is installed, the web application it serves is the one the server
// looks for, and it runs as it must on Kubernetes (non-root, read-only root
// filesystem, health check). Run: node --test deploy/
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const text = (file: string): string => readFileSync(path.join(root, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  name: string | undefined;
  image: string;
  /** Paths under WORKDIR /app that this stage holds, its parent stage's included. */
  files: Set<string>;
  /** What it held when `npm ci` ran, if it ran. */
  atInstall?: Set<string>;
  instructions: Instruction[];
}

/** Instructions with their continuation lines joined, comments dropped. */
export function parseInstructions(source: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let start = 0;
  source.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending === '') start = index + 1;
    pending += (pending === '' ? '' : ' ') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) return;
    const match = /^(\w+)\s+(.*)$/.exec(pending);
    assert.ok(match, `line ${start}: cannot read "${pending}"`);
    result.push({ keyword: match[1]!.toUpperCase(), args: match[2]!, line: start });
    pending = '';
  });
  return result;
}

/** What `RUN` produces, for the stages that copy from another. */
const runOutputs: [RegExp, string[]][] = [
  [/\bnpm ci\b/, ['node_modules']],
  [/\bnpm run build:web\b/, ['apps/web/dist']],
];

/** Sources and destination of a COPY, with its --from stage. */
function copyOf(instruction: Instruction): { from: string | undefined; sources: string[]; destination: string } {
  const words = instruction.args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1)! };
}

/** A path of the image relative to WORKDIR /app ('.' for /app itself). */
function relative(file: string): string {
  return path.posix.normalize(file.replace(/^\/app(\/|$)/, '')).replace(/\/$/, '') || '.';
}

/** Whether `file` is something the stage holds, or inside it. */
function holds(stage: Stage, file: string): boolean {
  return [...stage.files].some((f) => f === '.' || file === f || file.startsWith(`${f}/`));
}

/** The stages in order, each with what it holds when it ends. */
function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      const parent = stages.find((s) => s.name === image);
      stages.push({ name: as?.toUpperCase() === 'AS' ? name : undefined, image: image!, files: new Set(parent?.files ?? []), instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    assert.ok(stage, `line ${instruction.line}: ${instruction.keyword} before FROM`);
    stage.instructions.push(instruction);
    if (instruction.keyword === 'RUN' && /\bnpm ci\b/.test(instruction.args)) stage.atInstall = new Set(stage.files);
    if (instruction.keyword === 'RUN')
      for (const [command, outputs] of runOutputs) if (command.test(instruction.args)) outputs.forEach((o) => stage.files.add(o));
    if (instruction.keyword !== 'COPY') continue;
    const { from, sources, destination } = copyOf(instruction);
    const origin = stages.find((s) => s.name === from);
    for (const source of sources) {
      const file = relative(source);
      if (file === '.') {
        // A whole folder's content: the context, or everything an earlier stage holds.
        for (const held of origin?.files ?? ['.']) stage.files.add(held);
      } else {
        stage.files.add(
          destination.endsWith('/') || relative(destination) === '.'
            ? path.posix.join(relative(destination), path.posix.basename(file))
            : relative(destination),
        );
      }
    }
  }
  return stages;
}

/** Whether the ignore file leaves `file` out: `**\/name` anywhere, `*.ext` anywhere, else a path from the root. */
function ignored(patterns: string[], file: string): string | undefined {
  const parts = file.split('/');
  return patterns.find((p) => {
    if (p.startsWith('**/')) return parts.includes(p.slice(3));
    if (p.startsWith('*.')) return file.endsWith(p.slice(1));
    return file === p || file.startsWith(`${p}/`);
  });
}

const instructions = parseInstructions(text('deploy/container/Containerfile'));
const stages = stagesOf(instructions);
const ignorePatterns = text('deploy/container/Containerfile.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const final = stages.at(-1)!;
const finalSays = (keyword: string): Instruction[] => final.instructions.filter((i) => i.keyword === keyword);

describe('Containerfile', () => {
  it('copies from the build context only files that exist and that the ignore file keeps', () => {
    for (const instruction of instructions.filter((i) => i.keyword === 'COPY')) {
      const { from, sources } = copyOf(instruction);
      if (from !== undefined) continue;
      for (const source of sources) {
        if (source === '.') continue;
        assert.ok(existsSync(path.join(root, source)), `line ${instruction.line}: ${source} does not exist in the repository`);
        assert.equal(ignored(ignorePatterns, source), undefined, `line ${instruction.line}: ${source} is left out of the build context`);
      }
    }
  });

  it('copies from earlier stages only what they hold', () => {
    for (const [index, stage] of stages.entries()) {
      for (const instruction of stage.instructions.filter((i) => i.keyword === 'COPY')) {
        const { from, sources } = copyOf(instruction);
        if (from === undefined) continue;
        const origin = stages.slice(0, index).find((s) => s.name === from);
        assert.ok(origin, `line ${instruction.line}: no earlier stage named ${from}`);
        for (const source of sources)
          assert.ok(relative(source) === '.' || holds(origin, relative(source)), `line ${instruction.line}: stage ${from} does not hold ${source}`);
      }
    }
  });

  it('installs every workspace of package.json from its manifest', () => {
    const workspaces = (JSON.parse(text('package.json')) as { workspaces: string[] }).workspaces.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(path.join(root, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((d) => d.isDirectory() && existsSync(path.join(root, pattern.slice(0, -2), d.name, 'package.json')))
            .map((d) => `${pattern.slice(0, -2)}/${d.name}`)
        : [pattern],
    );
    const installs = stages.filter((s) => s.atInstall !== undefined);
    assert.ok(installs.length > 0, 'no stage runs npm ci');
    for (const stage of installs) {
      for (const file of ['package.json', 'package-lock.json', ...workspaces.map((w) => `${w}/package.json`)]) {
        assert.ok(stage.atInstall!.has(file), `stage ${stage.name ?? stage.image}: ${file} is not copied before npm ci`);
      }
    }
  });

  it('holds in the final stage everything the server loads', () => {
    const modules = readdirSync(path.join(root, 'modules'), { withFileTypes: true }).filter((d) => d.isDirectory());
    const needed = [
      'node_modules',
      'package.json',
      'platform/package.json',
      'platform/src',
      'platform/migrations',
      'apps/server/package.json',
      'apps/server/src',
      ...modules.flatMap((m) => [`modules/${m.name}/package.json`, `modules/${m.name}/src`, `modules/${m.name}/migrations`]),
    ];
    for (const file of needed) assert.ok(holds(final, file), `the final stage lacks ${file}`);
    // The server serves the web application from this folder, when it is there.
    const serve = text('apps/server/src/commands/serve.ts');
    const webApp = /new URL\('([^']+)', import\.meta\.url\)/.exec(serve)?.[1];
    assert.ok(webApp, 'serve.ts no longer says where the web application is');
    const webDir = path.relative(root, fileURLToPath(new URL(webApp, new URL('../../apps/server/src/commands/serve.ts', import.meta.url))));
    assert.ok(holds(final, webDir), `the final stage lacks the built web application ${webDir}`);
  });

  it('starts the pegase command, which exists', () => {
    const entrypoint = JSON.parse(finalSays('ENTRYPOINT').at(-1)!.args) as string[];
    assert.equal(entrypoint[0], 'node');
    assert.ok(existsSync(path.join(root, entrypoint[1]!)), `${entrypoint[1]} does not exist`);
    assert.ok(holds(final, entrypoint[1]!), `the final stage lacks ${entrypoint[1]}`);
    assert.deepEqual(JSON.parse(finalSays('CMD').at(-1)!.args), ['serve']);
  });

  it('runs Node.js 24, as package.json requires', () => {
    assert.match(text('package.json'), /"node": ">=24\.\d+ <25"/);
    for (const stage of stages.filter((s) => !stages.some((other) => other.name === s.image)))
      assert.match(stage.image, /\/node:24-/, `${stage.image} is not Node.js 24`);
  });

  it('runs as a numeric non-root user, with writes only to its declared volume and /tmp', () => {
    const user = finalSays('USER').at(-1)?.args ?? '';
    assert.match(user, /^[1-9]\d*(:\d+)?$/, `USER must be a non-root number (Kubernetes checks runAsNonRoot), not "${user}"`);
    const env = finalSays('ENV')
      .map((i) => i.args)
      .join(' ');
    const dataDir = /PEGASE_DATA_DIR=(\S+)/.exec(env)?.[1];
    assert.ok(dataDir, 'PEGASE_DATA_DIR is not set');
    assert.match(env, /HOST=0\.0\.0\.0/);
    const volumes = finalSays('VOLUME').flatMap((i) => JSON.parse(i.args) as string[]);
    assert.deepEqual(volumes, [dataDir], 'the embedded database folder must be the one volume');
    assert.ok(
      finalSays('RUN').some((i) => i.args.includes(`mkdir -p ${dataDir}`) && i.args.includes(`chown ${user}`)),
      'the data folder must belong to the user',
    );
  });

  it('checks its health on /health/live with node, not curl', () => {
    const check = finalSays('HEALTHCHECK').at(-1)?.args ?? '';
    assert.match(check, /CMD \["node", "-e", ".*\/health\/live/);
    assert.doesNotMatch(check, /curl|wget/);
  });
});
