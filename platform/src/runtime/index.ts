export * from './runtime.ts';
export * from './shutdown.ts';
