import { sql } from 'drizzle-orm';
import { notFound, rowsOf, type Executor } from '@pegase/platform';
import { readTree } from './tree-queries.ts';

/** Serialised trees kept by this process, at most this many bytes in all (least recently used out first). */
const BUDGET_BYTES = 64 * 1024 * 1024;

interface Entry {
  version: string;
  /** UTF-8 bytes of the JSON: encoded once, sent as they are. */
  json: Buffer;
}

const entries = new Map<string, Entry>();
let used = 0;

function remember(rootId: string, entry: Entry): void {
  const previous = entries.get(rootId);
  if (previous !== undefined) used -= previous.json.length;
  entries.delete(rootId);
  entries.set(rootId, entry);
  used += entry.json.length;
  for (const [key, old] of entries) {
    if (used <= BUDGET_BYTES) break;
    entries.delete(key);
    used -= old.json.length;
  }
}

/** The version of the offer the object belongs to: one indexed lookup. */
async function versionOf(db: Executor, rootId: string): Promise<string> {
  const [row] = await rowsOf<{ period_id: string; version: string | null }>(
    db,
    sql`select o.period_id, v.version::text as version
          from curriculum.objects o left join curriculum.graph_versions v on v.period_id = o.period_id
         where o.id = ${rootId}::uuid`,
  );
  if (row === undefined) throw notFound('Training object', rootId);
  return `${row.period_id}.${row.version ?? '0'}`;
}

/**
 * A formation's tree as JSON, computed once per version of its period's
 * offer: every change of the offer bumps the version in its transaction
 * (shared/period-lock.ts), so a tree is served again only while nothing
 * changed. During enrolment the offer is validated and frozen: the walk runs
 * once per process, then each read costs one indexed lookup. Stateless
 * replicas each keep their own cache; none can serve a tree older than the
 * version it read.
 */
export async function treeJson(db: Executor, rootId: string): Promise<Entry> {
  const version = await versionOf(db, rootId);
  const cached = entries.get(rootId);
  if (cached !== undefined && cached.version === version) {
    remember(rootId, cached);
    return cached;
  }
  const entry = { version, json: Buffer.from(JSON.stringify(await readTree(db, rootId))) };
  remember(rootId, entry);
  return entry;
}
