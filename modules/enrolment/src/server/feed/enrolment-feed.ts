import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rowsOf, validationProblem, type Executor } from '@pegase/platform';
import type { FeedLine } from '../../contract/index.ts';
import { toEnrolment, type EnrolmentRow } from '../enrolments/enrolment-mapper.ts';

const BATCH = 1000;
/**
 * A change is streamed once it is this old: `updated_at` is the start of its
 * transaction, so a transaction still running could otherwise commit a row
 * older than a cursor already handed out, and that row would be missed.
 */
const SETTLE_SECONDS = 10;

interface FeedRow extends Record<string, unknown> {
  e: Record<string, unknown>;
  changed_key: string;
  learner: FeedLine['learner'];
  point: FeedLine['point'];
}

function decodeSince(since: string | undefined): { at: string; id: string } | undefined {
  if (since === undefined) return undefined;
  const [at, id] = Buffer.from(since, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw validationProblem('The since cursor is not one this feed gave: resume with the cursor of the last line received, or start without one.', [
      { in: 'querystring', field: '/since', message: 'is not a cursor of this feed' },
    ]);
  }
  return { at, id };
}

const encode = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');

async function batchAfter(db: Executor, after: { at: string; id: string } | undefined) {
  return rowsOf<FeedRow>(
    db,
    sql`select to_jsonb(e) as e,
               to_char(e.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as changed_key,
               jsonb_build_object('id', l.id, 'code', l.code, 'ine', l.ine, 'familyName', l.family_name, 'usageName', l.usage_name,
                                  'givenNames', l.given_names, 'email', l.email) as learner,
               jsonb_build_object('id', p.object_id, 'code', p.code, 'path', p.path, 'ownerStructureId', p.owner_structure_id) as point
          from enrolment.enrolments e
          join enrolment.learners l on l.id = e.learner_id
          join enrolment.enrolment_points p on p.object_id = e.point_id
         where e.updated_at < now() - make_interval(secs => ${SETTLE_SECONDS})
           ${after === undefined ? sql`` : sql`and (e.updated_at > ${after.at}::timestamptz or (e.updated_at = ${after.at}::timestamptz and e.id > ${after.id}::uuid))`}
         order by e.updated_at, e.id
         limit ${BATCH}`,
  );
}

/** The row as the enrolment's own mapper expects it (to_jsonb gives snake_case names and ISO strings). */
function rowOf(json: Record<string, unknown>): EnrolmentRow {
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));
  return {
    id: String(json['id']),
    learnerId: String(json['learner_id']),
    pointId: String(json['point_id']),
    periodId: String(json['period_id']),
    origin: String(json['origin']),
    kind: json['kind'] as EnrolmentRow['kind'],
    regime: String(json['regime']),
    cvecNumber: (json['cvec_number'] as string | null) ?? null,
    profiles: (json['profiles'] as string[] | null) ?? [],
    previousSituation: (json['previous_situation'] as EnrolmentRow['previousSituation']) ?? null,
    status: json['status'] as EnrolmentRow['status'],
    paymentStatus: json['payment_status'] as EnrolmentRow['paymentStatus'],
    cancelReason: (json['cancel_reason'] as string | null) ?? null,
    submitKey: (json['submit_key'] as string | null) ?? null,
    submittedAt: date(json['submitted_at']),
    validatedAt: date(json['validated_at']),
    cancelledAt: date(json['cancelled_at']),
    version: Number(json['version']),
    createdAt: date(json['created_at'])!,
    updatedAt: date(json['updated_at'])!,
  };
}

/**
 * Every enrolment changed since the cursor, oldest change first, as NDJSON,
 * batch after batch by keyset until the end: no page-size cap, constant
 * memory, one line per enrolment carrying the cursor to resume after it.
 */
export function enrolmentFeed(db: Executor, since: string | undefined): Readable {
  let after = decodeSince(since);
  return Readable.from(
    (async function* () {
      for (;;) {
        const rows = await batchAfter(db, after);
        for (const row of rows) {
          const line: FeedLine = {
            cursor: encode(row.changed_key, String(row.e['id'])),
            changedAt: row.changed_key,
            enrolment: toEnrolment(rowOf(row.e)),
            learner: row.learner,
            point: row.point,
          };
          yield `${JSON.stringify(line)}\n`;
        }
        if (rows.length < BATCH) return;
        const last = rows[rows.length - 1]!;
        after = { at: last.changed_key, id: String(last.e['id']) };
      }
    })(),
  );
}
