export * from './audit-module.ts';
export * from './audit-query.ts';
export * from './audit-trail.ts';
export * from './history-route.ts';
