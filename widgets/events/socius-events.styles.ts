import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--socius-text, inherit);
    --_accent: var(--socius-accent, #b3004b);
    --_gap: var(--socius-spacing, 1rem);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  li {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: calc(var(--_gap) * 0.75);
  }
  h3 {
    margin: 0 0 0.25em;
    font-size: 1.05em;
  }
  time,
  .where {
    font-size: 0.9em;
  }
  [role='status'] {
    margin: 0;
  }
`;
