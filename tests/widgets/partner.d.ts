// Browser commands of tests/widgets/partner-host.ts, as the tests in the browser call them.
declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Opens (once) partner page `id` on its own origin under a strict CSP and waits for its widgets; answers its URL. */
    partnerOpen: (
      id: string,
      spec: {
        site: 'light' | 'dark';
        place: 'main' | 'aside';
        lang: string;
        width: number;
        height?: number;
        scheme: 'light' | 'dark';
        widgets: string;
        scriptDelayMs?: number;
        trustedTypes?: string[];
      },
      api: string,
    ) => Promise<string>;
    /** Runs a probe (a self-contained function's source) in partner page `id`. */
    partnerEvaluate: (id: string, source: string, argument?: unknown) => Promise<unknown>;
    /** Resizes partner page `id` and/or sets the visitor's OS colour scheme, then waits for the widgets. */
    partnerSet: (id: string, view: { width?: number; scheme?: 'light' | 'dark' }) => Promise<void>;
    /** Screenshot of one element of partner page `id` into test-results/widgets/<file>; answers the path. */
    partnerScreenshot: (id: string, selector: string, file: string) => Promise<string>;
    /** CSP violations, script errors and console errors of partner page `id` so far. */
    partnerProblems: (id: string) => Promise<string[]>;
    /** A GET as a browser navigating to `url` sends it, from Node (no CORS in the way). */
    partnerFetch: (url: string) => Promise<{ status: number; contentType: string; body: string }>;
    /** Closes every partner page. */
    partnerClose: () => Promise<void>;
  }
}

export {};
