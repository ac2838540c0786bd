export * from './config/index.ts';
export * from './db/index.ts';
export * from './errors/index.ts';
export * from './events/index.ts';
export * from './http/index.ts';
export * from './module/index.ts';
export * from './observability/index.ts';
export * from './runtime/index.ts';
