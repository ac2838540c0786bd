export * from './cas.ts';
export * from './clients.ts';
export * from './idp-plugin.ts';
export * from './provider.ts';
export * from './secrets.ts';
