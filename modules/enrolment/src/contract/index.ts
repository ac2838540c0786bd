export * from './learners.ts';
export * from './permissions.ts';
export * from './events.ts';
export * from './enrolments.ts';
export * from './feed.ts';
export * from './documents.ts';
export * from './admissions.ts';
