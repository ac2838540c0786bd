export * from './test-database.ts';
export * from './test-runtime.ts';
export * from './http-client.ts';
export * from './browser.ts';
