import { Problem } from '@pegase/platform';
import type { FormationDocument } from '../../contract/index.ts';
import { checkChoice } from '../objects/object-rules.ts';

/** What the database says about the codes of a document, read in the import's transaction. */
export interface ImportFacts {
  /** Kinds of training objects, by code. */
  kinds: ReadonlyMap<string, { grouping: boolean }>;
  /** Structures of the referential (the curriculum's read model), id by code. */
  structures: ReadonlyMap<string, string>;
  /** Codes of the document already used in the target period. */
  existingCodes: ReadonlySet<string>;
}

/** Where an issue is: an object or a link of the document (by index), or its root. */
export type IssueTarget = { objects: number } | { links: number } | 'root';

/**
 * One thing that stops the import. `rule` sorts them by answer: the JSON
 * import answers 422 for `invalid` and `unknown-structure`, 409 for
 * `duplicate-code`; the spreadsheet import lists them all by row.
 */
export interface ImportIssue {
  rule: 'invalid' | 'unknown-structure' | 'duplicate-code';
  at: IssueTarget;
  /** The field of the object or link, as a relative JSON pointer: `code`, `choice/min`, `parentCode`… */
  field: string;
  message: string;
  /** The code concerned (a duplicate or an unknown structure). */
  code?: string;
}

export interface CheckOptions {
  /**
   * The document lacks some objects because their rows were refused already
   * (spreadsheet import): links to a missing object are not reported again,
   * nor are objects that only a missing one would have placed under the root.
   */
  partial?: boolean;
}

/**
 * Every reason to refuse a document, in document order: duplicate or unknown
 * codes, unknown kinds, choice ranges (as createObject checks them), unknown
 * owners, codes already used in the period, links repeated, a formation
 * placed under something, cycles (named), and objects not below the root.
 */
export function checkFormationDocument(document: FormationDocument, facts: ImportFacts, options: CheckOptions = {}): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const indexOf = new Map<string, number>();
  document.objects.forEach((object, index) => {
    const first = indexOf.get(object.code);
    if (first !== undefined) {
      issues.push({
        rule: 'invalid',
        at: { objects: index },
        field: 'code',
        message: `${object.code} appears twice (also /objects/${first}): each object appears once, its other parents are links`,
      });
      return;
    }
    indexOf.set(object.code, index);
    const kind = facts.kinds.get(object.type);
    if (kind === undefined) {
      const kinds = [...facts.kinds.keys()].join(', ');
      issues.push({
        rule: 'invalid',
        at: { objects: index },
        field: 'type',
        message: `${object.type} is not a kind of training object; the kinds are ${kinds}`,
      });
    } else {
      const refused = refusal(() => checkChoice(kind.grouping, object.choice, object.type));
      if (refused !== undefined) {
        const field = (refused.extensions['errors'] as { field: string }[] | undefined)?.[0]?.field.slice(1) ?? 'choice';
        issues.push({ rule: 'invalid', at: { objects: index }, field, message: refused.message });
      }
    }
    const owner = object.ownerStructureCode ?? null;
    if (owner !== null && !facts.structures.has(owner)) {
      issues.push({
        rule: 'unknown-structure',
        at: { objects: index },
        field: 'ownerStructureCode',
        message: `${owner} is not a structure of the referential`,
        code: owner,
      });
    }
    if (facts.existingCodes.has(object.code)) {
      issues.push({
        rule: 'duplicate-code',
        at: { objects: index },
        field: 'code',
        message: `${object.code} already exists in this period`,
        code: object.code,
      });
    }
  });

  const rootIndex = indexOf.get(document.root);
  if (rootIndex === undefined && options.partial !== true) {
    issues.push({ rule: 'invalid', at: 'root', field: '', message: `${document.root} is not the code of an object of the document` });
  }

  // Links whose two ends are known, once each.
  const children = new Map<string, { child: string; link: number }[]>();
  const seen = new Map<string, number>();
  document.links.forEach((link, index) => {
    let known = true;
    for (const end of ['parentCode', 'childCode'] as const) {
      if (indexOf.has(link[end])) continue;
      known = false;
      if (options.partial !== true) {
        issues.push({ rule: 'invalid', at: { links: index }, field: end, message: `${link[end]} is not the code of an object of the document` });
      }
    }
    if (!known) return;
    const key = `${link.parentCode}>${link.childCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        rule: 'invalid',
        at: { links: index },
        field: 'childCode',
        message: `places ${link.childCode} under ${link.parentCode} a second time (also /links/${first})`,
      });
      return;
    }
    seen.set(key, index);
    const child = document.objects[indexOf.get(link.childCode)!]!;
    if (child.type === 'formation') {
      issues.push({
        rule: 'invalid',
        at: { links: index },
        field: 'childCode',
        message: `${child.code} is a formation: a formation is never placed under another object`,
      });
      return;
    }
    const list = children.get(link.parentCode) ?? [];
    list.push({ child: link.childCode, link: index });
    children.set(link.parentCode, list);
  });

  const cycles = findCycles(
    document.objects.map((object) => object.code),
    children,
  );
  for (const { link, parent, child, codes } of cycles) {
    issues.push({
      rule: 'invalid',
      at: { links: link },
      field: 'childCode',
      message: `placing ${child} under ${parent} closes a cycle: ${codes.join(' > ')}`,
    });
  }

  if (cycles.length === 0 && rootIndex !== undefined && options.partial !== true) {
    const reached = new Set([document.root]);
    const stack = [document.root];
    while (stack.length > 0) {
      for (const { child } of children.get(stack.pop()!) ?? []) {
        if (!reached.has(child)) {
          reached.add(child);
          stack.push(child);
        }
      }
    }
    document.objects.forEach((object, index) => {
      if (!reached.has(object.code) && indexOf.get(object.code) === index) {
        issues.push({
          rule: 'invalid',
          at: { objects: index },
          field: 'code',
          message: `${object.code} is not below ${document.root}: link it under an object of the formation, or leave it out`,
        });
      }
    });
  }
  return issues;
}

function refusal(check: () => void): Problem | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
}

interface Cycle {
  link: number;
  parent: string;
  child: string;
  /** From the parent round to itself. */
  codes: string[];
}

/**
 * Depth-first search without recursion (a document may be deep): each link
 * that reaches back to an object on the current chain closes a cycle, named
 * from that object round to itself.
 */
function findCycles(codes: string[], children: ReadonlyMap<string, { child: string; link: number }[]>): Cycle[] {
  const cycles: Cycle[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of codes) {
    if (state.has(start)) continue;
    const chain: { code: string; next: number }[] = [{ code: start, next: 0 }];
    state.set(start, 'open');
    while (chain.length > 0) {
      const top = chain[chain.length - 1]!;
      const edges = children.get(top.code) ?? [];
      if (top.next >= edges.length) {
        state.set(top.code, 'done');
        chain.pop();
        continue;
      }
      const { child, link } = edges[top.next++]!;
      const seen = state.get(child);
      if (seen === undefined) {
        state.set(child, 'open');
        chain.push({ code: child, next: 0 });
      } else if (seen === 'open') {
        const from = chain.findIndex((step) => step.code === child);
        cycles.push({ link, parent: top.code, child, codes: [top.code, ...chain.slice(from).map((step) => step.code)] });
      }
    }
  }
  return cycles;
}
