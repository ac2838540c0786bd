// @ts-check
/**
 * ESLint rule enforcing the module boundaries of ARCHITECTURE.md:
 *  - a module imports nothing of another module but its `contract/`;
 *  - a module's `contract/` imports no server or web code (of any module);
 *  - the kernel (`platform/`) imports no module at all.
 * Both package imports (`@pegase/curriculum/contract`) and relative paths
 * that climb into another module's folder are checked.
 */
import path from 'node:path';

const KERNEL = 'platform';

/** @param {string} file */
function locate(file) {
  const parts = file.split(path.sep).join('/').split('/');
  const modulesAt = parts.lastIndexOf('modules');
  if (modulesAt >= 0 && parts.length > modulesAt + 2) {
    const rest = parts.slice(modulesAt + 2);
    return { kind: 'module', name: parts[modulesAt + 1], inContract: rest[0] === 'src' && rest[1] === 'contract' };
  }
  if (parts.includes(KERNEL) && !parts.includes('node_modules')) return { kind: 'kernel', name: KERNEL, inContract: false };
  return { kind: 'other', name: '', inContract: false };
}

/**
 * What an import points at: another module (and whether it is its contract),
 * the kernel, or something else (a library).
 * @param {string} source @param {string} fromFile
 */
function target(source, fromFile) {
  const pkg = /^@pegase\/([a-z-]+)(?:\/(.*))?$/.exec(source);
  if (pkg) {
    const [, name, subpath = ''] = pkg;
    if (name === KERNEL) return { kind: 'kernel', name, contract: false };
    if (name === 'server' || name === 'web') return { kind: 'app', name, contract: false };
    return { kind: 'module', name, contract: subpath === 'contract' || subpath.startsWith('contract/') };
  }
  if (source.startsWith('.')) {
    const resolved = path.resolve(path.dirname(fromFile), source);
    const where = locate(resolved);
    if (where.kind === 'module') return { kind: 'module', name: where.name, contract: where.inContract };
    if (where.kind === 'kernel') return { kind: 'kernel', name: KERNEL, contract: false };
  }
  return { kind: 'library', name: source, contract: false };
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
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = locate(file);
    if (from.kind === 'other') return {};
    /** @param {any} node */
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const source = node.source.value;
      const to = target(source, file);
      const report = (/** @type {string} */ messageId) => context.report({ node: node.source, messageId, data: { from: from.name, to: to.name, source } });
      if (to.kind === 'app') return report('app');
      if (from.kind === 'kernel') {
        if (to.kind === 'module') report('kernelImportsModule');
        return;
      }
      if (to.kind !== 'module') return;
      if (to.name !== from.name && !to.contract) return report('otherModule');
      if (from.inContract && !to.contract) return report('contractLeak');
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'module-boundaries': rule } };
