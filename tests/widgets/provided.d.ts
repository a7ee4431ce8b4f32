// What the widget tests' global setup hands to each test file.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the Worker under wrangler dev, seeded like `npm start`. */
    apiBase: string;
    /** Origin of a Worker whose D1 holds only hostile content (tests/widgets/fixtures/hostile.sql) and items translated in part (fallback.sql). */
    hostileApiBase: string;
    /** Origin of a Worker whose D1 is migrated but holds no content at all. */
    emptyApiBase: string;
    /** The hostile Worker, which also holds the hostile corpus (tests/hostile-corpus.ts), written through its editorial API. */
    corpusApiBase: string;
  }
}
declare module 'vitest/browser' {
  interface BrowserCommands {
    /** See tests/widgets/commands.ts. */
    useBuilder: (url: string, choices: Record<string, string>) => Promise<import('./commands.ts').BuilderResult>;
    /** See tests/widgets/color-scheme.ts. */
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
    /** See tests/widgets/commands.ts. */
    visitUnderCsp: (url: string, ready: string) => Promise<import('./commands.ts').CspVisit>;
    /** See tests/widgets/hostile-host.ts. */
    hostileVisit: (url: string, probe: string, argument?: unknown) => Promise<import('./hostile-host.ts').HostileVisit>;
  }
}

export {};
