export * from './app.ts';
export * from './error-handler.ts';
export * from './openapi.ts';
export * from './problem-schema.ts';
export * from './pagination.ts';
export * from './validation.ts';
export * from './versioning.ts';
export * from './origin.ts';
