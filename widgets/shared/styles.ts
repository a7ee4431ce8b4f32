import { css } from 'lit';

/**
 * The theming contract shared by every element (documented per element with @cssproperty):
 * --socius-font, --socius-text, --socius-muted, --socius-accent, --socius-accent-text, --socius-surface,
 * --socius-border, --socius-radius, --socius-spacing. Colours use light-dark(), so they follow the host
 * page's `color-scheme`; the `theme` attribute (light, dark, auto) overrides it.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    container-type: inline-size;
    font-family: var(--socius-font, inherit);
    color: var(--socius-text, inherit);
    line-height: 1.5;
    --_accent: var(--socius-accent, light-dark(#a3004a, #ff9ccb));
    --_accent-text: var(--socius-accent-text, light-dark(#ffffff, #1a0010));
    --_muted: var(--socius-muted, light-dark(#55555f, #c2c2cc));
    --_surface: var(--socius-surface, light-dark(#ffffff, #1c1c21));
    --_border: var(--socius-border, light-dark(#d4d4dc, #4a4a55));
    --_radius: var(--socius-radius, 0.5rem);
    --_space: var(--socius-spacing, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    background: var(--_surface);
    color: var(--socius-text, #f2f2f5);
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [role='heading'] {
    font-weight: 700;
    font-size: 1.1em;
    margin: 0 0 0.25em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 0.5em;
  }
  .muted {
    color: var(--_muted);
  }
  .status {
    margin: 0;
    padding: var(--_space) 0;
    color: var(--_muted);
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    text-decoration: none;
  }
  .button.primary,
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    list-style: none;
    margin: 0.25em 0;
    padding: 0;
  }
  .badge {
    font-size: 0.8em;
    font-weight: 600;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .badge.alert {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
  }
  /* Filter forms of the list elements. */
  form[part='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
    margin-bottom: var(--_space);
  }
  form[part='filters'] label {
    display: grid;
    gap: 0.2em;
    font-size: 0.9em;
    font-weight: 600;
  }
  select,
  input {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  /* Lists of items (events, analyses, services). */
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .item {
      transition: border-color 0.15s ease;
    }
  }
`;
