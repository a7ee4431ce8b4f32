import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { byline } from '../shared/analysis-parts.ts';
import { type AnalysisSummary, api, apiUrl } from '../shared/client.ts';
import { define } from '../shared/define.ts';
import { fallbackLang } from '../shared/fallback.ts';
import { SociusElement } from '../shared/socius-element.ts';
import { baseStyles } from '../shared/styles.ts';

/**
 * Socius analyses as cards or a list: title, summary, authors, date and topics, newest first.
 *
 * @fires socius-analysis-open - A person chose an analysis; `detail: { slug, analysis }`. Cancel it to open it your own way (by default the link is followed).
 * @csspart list - The list of analyses.
 * @csspart analysis - One analysis.
 * @tag socius-analyses
 */
export class SociusAnalyses extends SociusElement<AnalysisSummary[]> {
  static override styles = [
    baseStyles,
    css`
      :host {
        --_item-height: 20rem;
        --_item-height-narrow: 15rem;
      }
      :host([layout='list']) {
        --_item-height: 7.5rem;
        --_item-height-narrow: 12rem;
      }
      :host(:not([layout='list'])) ul {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      }
      li {
        border-inline-start: 4px solid var(--_accent);
        padding-inline-start: calc(var(--_space) * 0.75);
      }
      :host(:not([layout='list'])) li {
        border: 1px solid var(--_border);
        border-top: 4px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_surface);
      }
      .topics {
        font-size: 0.85em;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    topic: { type: String },
    author: { type: String },
    limit: { type: Number },
    layout: { type: String, reflect: true },
  };
  /** Only analyses with any of these topics: topic slugs, comma-separated (as in `/v1/topics`). */
  declare topic: string;
  /** Only analyses by any of these authors (names, any case), comma-separated. */
  declare author: string;
  /** How many analyses to show (1–100, default 3), newest first. */
  declare limit: number;
  /** How analyses are shown: `cards` (default) or `list`. */
  declare layout: 'cards' | 'list';
  protected readonly reloadOn = ['topic', 'author', 'limit'];

  constructor() {
    super();
    this.limit = 3;
    this.layout = 'cards';
  }

  get #limit(): number {
    return Math.min(Math.max(Math.trunc(this.limit) || 3, 1), 100);
  }

  #query() {
    return { lang: this.uiLang, limit: this.#limit, topic: this.topic || undefined, author: this.author || undefined };
  }

  protected override renderSkeleton(): TemplateResult {
    return this.skeletonItems(this.#limit);
  }

  protected async fetchData(signal: AbortSignal): Promise<AnalysisSummary[]> {
    const { data } = await api.listAnalyses(this.apiBase, this.#query(), signal);
    if (data.length === 0) this.hintTopic(this.topic);
    return data;
  }

  protected override jsonLd(items: AnalysisSummary[]) {
    return items.length > 0 ? apiUrl(this.apiBase, 'v1/analyses', this.#query()) : null;
  }

  #open(e: MouseEvent, analysis: AnalysisSummary): void {
    const allowed = this.dispatchEvent(
      new CustomEvent('socius-analysis-open', {
        detail: { slug: analysis.slug, analysis },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!allowed) e.preventDefault();
  }

  protected renderData(items: AnalysisSummary[]): TemplateResult {
    if (items.length === 0) return this.renderStatus(this.t.noAnalyses);
    return html`<section aria-label=${this.landmarkLabel(this.t.analyses)}>
      <ul class="items" part="list">
        ${items.map(
          (a) => html`<li part="analysis">
            ${this.heading(
              this.titleLink(a, a.title, (e) => this.#open(e, a)),
              0,
              fallbackLang(a.meta, 'title'),
            )}
            <p class="muted">${byline(a, this.t, this.uiLang)}</p>
            ${a.summary ? html`<p lang=${fallbackLang(a.meta, 'summary')}>${a.summary}</p>` : nothing}
            ${a.topics.length > 0 ? html`<p class="topics muted">${a.topics.map((x) => x.name).join(' · ')}</p>` : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

define('socius-analyses', SociusAnalyses);

declare global {
  interface HTMLElementTagNameMap {
    'socius-analyses': SociusAnalyses;
  }
}
