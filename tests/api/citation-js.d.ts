// Citation.js ships no types; this is the little of it the citation tests use.
declare module '@citation-js/core' {
  export class Cite {
    static async(data: string): Promise<Cite>;
    data: unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
