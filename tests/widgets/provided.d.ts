// What the widget tests' global setup hands to each test file.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the Worker under wrangler dev, seeded like `npm start`. */
    apiBase: string;
  }
}
declare module 'vitest/browser' {
  interface BrowserCommands {
    /** See tests/widgets/commands.ts. */
    useBuilder: (url: string, choices: Record<string, string>) => Promise<import('./commands.ts').BuilderResult>;
  }
}

export {};
