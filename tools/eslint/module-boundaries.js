// @ts-check
/**
 * ESLint rule enforcing the module boundaries of ARCHITECTURE.md:
 *  - a module imports nothing of another module but its `contract/`;
 *  - a module's `contract/` imports no server or web code (of any module);
 *  - the kernel (`platform/`, with its web side `platform/web-kit/`) imports no module;
 *  - browser code (a module's `src/web/`, the web kit) imports no server code
 *    (a module's `src/server/`, `@pegase/<module>/module`, the server kernel),
 *    and server code imports no browser code.
 * Both package imports (`@pegase/curriculum/contract`) and relative paths
 * that climb into another module's folder are checked. A module's tests may
 * run another module whole (`@pegase/<module>/module`), as an application
 * does, to drive it through its API, and build on its test fixtures
 * (`@pegase/<module>/testing`).
 */
import path from 'node:path';

const KERNEL = 'platform';
const WEB_KIT = 'web-kit';

/**
 * Where a file lives: which module or kernel part, and on which side
 * (`contract`, `server`, `web`, or `shared` when it does not say).
 * @param {string} file
 */
function locate(file) {
  const parts = file.split(path.sep).join('/').split('/');
  const modulesAt = parts.lastIndexOf('modules');
  if (modulesAt >= 0 && parts.length > modulesAt + 2) {
    const rest = parts.slice(modulesAt + 2);
    const side = rest[0] === 'src' && ['contract', 'server', 'web'].includes(rest[1] ?? '') ? /** @type {string} */ (rest[1]) : 'shared';
    return { kind: 'module', name: parts[modulesAt + 1] ?? '', side };
  }
  if (parts.includes(KERNEL) && !parts.includes('node_modules')) {
    return { kind: 'kernel', name: KERNEL, side: parts.includes(WEB_KIT) ? 'web' : 'server' };
  }
  return { kind: 'other', name: '', side: 'shared' };
}

/**
 * What an import points at: another module (and which side of it), the
 * kernel, an application, or something else (a library).
 * @param {string} source @param {string} fromFile
 */
function target(source, fromFile) {
  const pkg = /^@pegase\/([a-z-]+)(?:\/(.*))?$/.exec(source);
  if (pkg) {
    const [, name = '', subpath = ''] = pkg;
    if (name === KERNEL) return { kind: 'kernel', name, side: 'server' };
    if (name === WEB_KIT) return { kind: 'kernel', name, side: 'web' };
    if (name === 'server' || name === 'web') return { kind: 'app', name, side: 'shared' };
    const side = subpath === 'contract' || subpath.startsWith('contract/') ? 'contract' : subpath === 'web' || subpath.startsWith('web/') ? 'web' : 'server';
    return { kind: 'module', name, side };
  }
  if (source.startsWith('.')) {
    const where = locate(path.resolve(path.dirname(fromFile), source));
    if (where.kind !== 'other') return where;
  }
  return { kind: 'library', name: source, side: 'shared' };
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules talk only through contracts (ARCHITECTURE.md, principle 4).' },
    messages: {
      otherModule: 'Module "{{from}}" may import only the contract of module "{{to}}" (@pegase/{{to}}/contract), not "{{source}}".',
      contractLeak: 'A contract may not import server or web code: "{{source}}".',
      kernelImportsModule: 'The kernel (platform/) must not depend on a module: "{{source}}".',
      app: 'Modules and the kernel must not import an application: "{{source}}".',
      webImportsServer: 'Browser code may not import server code: "{{source}}" (use the contract or the web kit).',
      serverImportsWeb: 'Server code may not import browser code: "{{source}}".',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = locate(file);
    if (from.kind === 'other') return {};
    const isTest = /(^|\/)test\/|\.test\.tsx?$/.test(file.split(path.sep).join('/'));
    /** @param {any} node */
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const source = node.source.value;
      const to = target(source, file);
      const report = (/** @type {string} */ messageId) => context.report({ node: node.source, messageId, data: { from: from.name, to: to.name, source } });
      if (to.kind === 'app') return report('app');
      if (from.kind === 'kernel' && to.kind === 'module') return report('kernelImportsModule');
      const wholeModule = /^@pegase\/[a-z-]+\/(module|testing)$/.test(source);
      if (to.kind === 'module' && from.kind === 'module' && to.name !== from.name && to.side !== 'contract' && !(isTest && wholeModule))
        return report('otherModule');
      if (from.side === 'contract' && to.kind === 'module' && to.side !== 'contract') return report('contractLeak');
      if (from.side === 'web' && to.side === 'server') return report('webImportsServer');
      if ((from.side === 'server' || from.side === 'contract') && to.side === 'web') return report('serverImportsWeb');
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'module-boundaries': rule } };
