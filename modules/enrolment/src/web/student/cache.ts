import type { QueryClient } from '@tanstack/react-query';
import type { Enrolment } from '../enrolment-api.ts';
import { selfKeys, type MyRecord } from './self-service-api.ts';

/** Puts the enrolment as the API answered it after a change in the list of the student's enrolments. */
export function keepEnrolment(client: QueryClient, saved: Enrolment): void {
  client.setQueryData<Enrolment[]>(selfKeys.enrolments, (list) => list?.map((item) => (item.id === saved.id ? saved : item)));
}

/** The version of the enrolment the page holds now (it moves with each save): what If-Match sends. */
export function enrolmentVersion(client: QueryClient, enrolment: Enrolment): number {
  return client.getQueryData<Enrolment[]>(selfKeys.enrolments)?.find((item) => item.id === enrolment.id)?.version ?? enrolment.version;
}

/** The version of the student's record the page holds now. */
export function recordVersion(client: QueryClient, record: MyRecord): number {
  return client.getQueryData<MyRecord>(selfKeys.record)?.version ?? record.version;
}
