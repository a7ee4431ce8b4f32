// drizzle-kit and the API both read the whole schema from here.
export * from './about.ts';
export * from './analyses.ts';
export * from './changes.ts';
export * from './columns.ts';
export * from './content-state.ts';
export * from './editorial.ts';
export * from './event-counts.ts';
export * from './events.ts';
export * from './services.ts';
export * from './slug-redirects.ts';
export * from './topics.ts';
export * from './webhooks.ts';
