import { css } from 'lit';

/**
 * The theming contract (documented for partners on SociusElement, hence in custom-elements.json): text is never
 * drawn in a colour the element inherits on a background the element paints, or the other way round.
 * - No `theme`: the element paints no background; its text is the host page's, and every other colour is
 *   derived from that text colour (muted text and borders are it made translucent, the accent is it tinted),
 *   so whatever is readable on the host page stays readable in the widget, on light and dark sites alike.
 * - `theme="light|dark|auto"`: the element paints its own surface AND sets its own text and accent colours
 *   (auto follows the visitor's `prefers-color-scheme`), whatever the host page's colours are.
 * Where relative colour syntax is missing, the derived colours are invalid at computed-value time, so text falls
 * back to the inherited colour on no background: plainer, still readable.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    container-type: inline-size;
    font-family: var(--socius-font, inherit);
    color: var(--socius-text, inherit);
    line-height: 1.5;
    /* A long word or URL wraps rather than widening a 260 px sidebar. */
    overflow-wrap: anywhere;
    --_surface: var(--socius-surface, transparent);
    --_muted: var(--socius-muted, color-mix(in srgb, currentColor 75%, transparent));
    --_border: var(--socius-border, color-mix(in srgb, currentColor 35%, transparent));
    /* The text colour pushed a little further from mid-grey and tinted: at least the text's own contrast. */
    --_accent: var(--socius-accent, oklch(from currentColor calc(l + (l - 0.5) / 4) calc(l * (1 - l) * 0.6) 5));
    /* Black or white, whichever stands out on the accent (a stand-in for contrast-color()). */
    --_accent-text: var(--socius-accent-text, oklch(from var(--_accent) clamp(0, (0.6 - l) * 1000, 1) 0 0 / 1));
    /* Accent backgrounds: currentColor there is the element's own (accent-text) colour, so the accent is
       derived from it, on the side of lightness opposite that text. */
    --_fill: var(--socius-accent, oklch(from currentColor calc(0.3 + (1 - l) * 0.55) 0.12 5));
    --_radius: var(--socius-radius, 0.5rem);
    --_space: var(--socius-spacing, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']),
  :host([theme='dark']),
  :host([theme='auto']) {
    color: var(--socius-text, light-dark(#1d1d22, #f2f2f5));
    background: var(--_surface);
    padding: var(--_space);
    border-radius: var(--_radius);
    --_surface: var(--socius-surface, light-dark(#ffffff, #17171c));
    --_muted: var(--socius-muted, light-dark(#55555f, #b8b8c2));
    --_border: var(--socius-border, light-dark(#c8c8d0, #4a4a55));
    --_accent: var(--socius-accent, light-dark(#a3004a, #ff9ccb));
    --_fill: var(--_accent);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
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
  /* While loading: empty shapes as tall as the content is expected to be (--_item-height per element and layout,
     --_item-height-narrow in a container up to 30rem wide),
     so the host page does not move when it arrives; "loading" shows over them only after 300 ms. */
  /* Where the partner reserved a height with :not(:defined) { min-height } (README), the skeleton keeps exactly
     it (--_reserved, read at upgrade), less the padding a theme adds, so nothing moves when the script runs. */
  .skeleton {
    position: relative;
    height: var(--_reserved, auto);
    overflow-y: clip;
  }
  :host([theme]) .skeleton {
    height: calc(var(--_reserved) - 2 * var(--_space));
  }
  .placeholder {
    min-height: var(--_item-height, 8rem);
  }
  @container (max-width: 30rem) {
    .placeholder {
      min-height: var(--_item-height-narrow, var(--_item-height, 8rem));
    }
  }
  div.placeholder {
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 6%, transparent);
  }
  .skeleton > .status {
    position: absolute;
    inset: 0 0 auto;
    padding: var(--_space);
    animation: socius-late 0s 0.3s backwards;
  }
  @keyframes socius-late {
    from {
      visibility: hidden;
    }
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
    background: var(--_fill);
    border-color: var(--_fill);
    outline-color: var(--_fill);
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
    background: var(--_fill);
    color: var(--_accent-text);
    border-color: var(--_fill);
  }
  /* Filter forms of the list elements: a tidy grid of equal controls that becomes one column in a narrow
     container; a control is never wider than its column, whatever its longest option. */
  form[part='filters'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: 0.5em 1em;
    align-items: end;
    margin-bottom: var(--_space);
  }
  form[part='filters'] label {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    gap: 0.2em;
    font-size: 0.9em;
    font-weight: 600;
  }
  form[part='filters'] select,
  form[part='filters'] input {
    width: 100%;
    min-width: 0;
    font-weight: 400;
  }
  select,
  input {
    max-width: 100%;
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
