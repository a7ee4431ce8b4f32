import { css } from 'lit';

export const styles = css`
  :host([layout='compact']) {
    --_item-height: 2.5rem;
  }
  .item {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  :host([layout='cards']) .results {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  :host([layout='cards']) .item {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  /* An opened card takes the whole row: its details get room, and the other cards keep their height. */
  :host([layout='cards']) .item.open {
    grid-column: 1 / -1;
  }
  :host([layout='compact']) .results {
    gap: 0.25em;
  }
  :host([layout='compact']) .item {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
    border-inline-start-width: 3px;
  }
  :host([layout='compact']) .item [role='heading'] {
    font-size: 1em;
    margin: 0;
  }
  .when {
    font-weight: 600;
  }
  /* Opens the details in place; the title itself is a link to the event's page. */
  .toggle {
    font-size: 0.9em;
    min-height: 2rem;
    padding: 0.1em 0.75em;
    margin-block: 0.25em;
  }
  /* A title on one line with other controls must still be a 24 px target. */
  :host([layout='compact']) .item [role='heading'] a {
    display: inline-block;
    padding-block: 0.15em;
  }
  :host([layout='compact']) .toggle {
    margin-block: 0;
  }
  .details {
    margin-top: 0.5em;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.15em 0.75em;
    margin: 0.5em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .more {
    margin-top: var(--_space);
  }
  /* calendar */
  .month-nav {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.5em;
    margin-bottom: 0.5em;
  }
  .month-nav [role='heading'] {
    margin: 0;
    text-align: center;
    text-transform: capitalize;
    overflow-wrap: anywhere;
  }
  .month-nav button {
    justify-content: center;
    min-width: 2.75rem;
    padding-inline: 0.75em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-size: 0.8em;
    color: var(--_muted);
    padding: 0.25em 0;
    text-transform: capitalize;
  }
  td {
    padding: 2px;
  }
  td button {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.2em;
    flex-direction: column;
    justify-content: center;
    gap: 0;
    border: 1px solid var(--_border);
    color: inherit;
  }
  td button.outside {
    color: var(--_muted);
  }
  td button.has-events {
    border: 2px solid var(--_accent);
    font-weight: 700;
  }
  td button[aria-pressed='true'] {
    background: var(--_fill);
    border-color: var(--_fill);
    outline-color: var(--_fill);
    color: var(--_accent-text);
  }
  td button[aria-current='date'] {
    text-decoration: underline;
  }
  .dot {
    font-size: 0.7em;
    line-height: 1;
  }
  /* The marker is drawn, not written: a lone symbol is no text for screen readers or contrast checks. It is
     a shape, not a character: the build's CSS minifier writes non-ASCII as a CSS escape (backslash and hex),
     which a template literal cannot hold, and the whole sheet was lost. */
  .dot::before {
    content: '';
    display: inline-block;
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }
  .dot .count {
    margin-inline-start: 0.25em;
  }
  .day-events {
    margin-top: var(--_space);
  }
  /* Narrow containers (a sidebar, a phone): the month buttons keep only their arrows on screen (their words stay
     for screen readers), and an opened event's facts stack, each label above its value. */
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd {
      margin-bottom: 0.4em;
    }
    .actions .button {
      flex: 1 1 auto;
      justify-content: center;
    }
  }
  @container (max-width: 24rem) {
    .month-nav .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .month-nav button {
      font-size: 1.25em;
      padding-inline: 0;
    }
    td button {
      min-height: 2.25rem;
      font-size: 0.85em;
    }
    .dot .count {
      display: none;
    }
  }
`;
