import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { api, apiUrl, type Service, type Topic } from '../shared/client.ts';
import { define } from '../shared/define.ts';
import { fallbackLang } from '../shared/fallback.ts';
import { safeHref } from '../shared/safe-href.ts';
import { SociusElement } from '../shared/socius-element.ts';
import type { UiLang } from '../shared/strings.ts';
import { baseStyles } from '../shared/styles.ts';

const FORMATS = ['training', 'workshop', 'inspiration-day', 'network', 'tailor-made-support', 'research'] as const;
const FORMAT_NAMES: Record<UiLang, Record<(typeof FORMATS)[number], string>> = {
  nl: {
    training: 'Vorming',
    workshop: 'Workshop',
    'inspiration-day': 'Inspiratiedag',
    network: 'Netwerk',
    'tailor-made-support': 'Begeleiding op maat',
    research: 'Onderzoek',
  },
  en: {
    training: 'Training',
    workshop: 'Workshop',
    'inspiration-day': 'Inspiration day',
    network: 'Network',
    'tailor-made-support': 'Tailor-made support',
    research: 'Research',
  },
  fr: {
    training: 'Formation',
    workshop: 'Atelier',
    'inspiration-day': "Journée d'inspiration",
    network: 'Réseau',
    'tailor-made-support': 'Accompagnement sur mesure',
    research: 'Recherche',
  },
};

interface Data {
  services: Service[];
  topics: Topic[];
}

/**
 * The Socius service catalogue (trainings, workshops, inspiration days, networks, tailor-made support,
 * research), optionally with visible topic and format filters (`filters="topic,format"`).
 *
 * @csspart list - The list of services.
 * @csspart service - One service.
 * @csspart heading - Titles.
 * @csspart filters - The filter form.
 * @csspart status - Loading, empty and error messages.
 * @tag socius-services
 */
export class SociusServices extends SociusElement<Data> {
  static override styles = [
    baseStyles,
    css`
      :host {
        --_item-height: 17rem;
        --_item-height-narrow: 15rem;
      }
      ul {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      }
      li {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_surface);
      }
      .placeholder.filters {
        min-height: 5rem;
        margin-bottom: var(--_space);
      }
      @container (max-width: 30rem) {
        .placeholder.filters {
          min-height: 9rem;
        }
      }
      .format {
        font-size: 0.85em;
        font-weight: 600;
        color: var(--_accent);
        margin: 0;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    topic: { type: String },
    format: { type: String },
    filters: { type: String },
    limit: { type: Number },
    chosen: { state: true },
  };
  /** Only services with any of these topics: topic slugs, comma-separated (as in `/v1/topics`). */
  declare topic: string;
  /** Only services in any of these formats, comma-separated: `training`, `workshop`, `inspiration-day`, `network`, `tailor-made-support`, `research`. */
  declare format: string;
  /** Which filters visitors get, comma-separated: `topic`, `format`. None by default. */
  declare filters: string;
  /** How many services to show (1–100, default 20), in editorial order. */
  declare limit: number;
  declare chosen: { topic?: string; format?: string };
  protected readonly reloadOn = ['topic', 'format', 'limit', 'chosen', 'filters'];

  constructor() {
    super();
    this.limit = 20;
    this.chosen = {};
  }

  get #limit(): number {
    return Math.min(Math.max(Math.trunc(this.limit) || 20, 1), 100);
  }

  #query() {
    return {
      lang: this.uiLang,
      topic: this.chosen.topic || this.topic || undefined,
      format: this.chosen.format || this.format || undefined,
      limit: this.#limit,
    };
  }

  /** Room for the filters (when shown) and the cards; past a screenful the count no longer matters. */
  protected override renderSkeleton(): TemplateResult {
    const filters = /topic|format/.test(this.filters ?? '');
    return html`${filters ? html`<div class="placeholder filters"></div>` : nothing}${this.skeletonItems(Math.min(this.#limit, 6))}`;
  }

  protected async fetchData(signal: AbortSignal): Promise<Data> {
    const query = this.#query();
    const wantsTopics = (this.filters ?? '').includes('topic');
    const [services, topics] = await Promise.all([
      api.listServices(this.apiBase, query, signal),
      wantsTopics ? api.listTopics(this.apiBase, { lang: this.uiLang }, signal) : Promise.resolve({ data: [] }),
    ]);
    if (services.data.length === 0) this.hintTopic(query.topic);
    return { services: services.data, topics: topics.data };
  }

  protected override jsonLd(data: Data) {
    return data.services.length > 0 ? apiUrl(this.apiBase, 'v1/services', this.#query()) : null;
  }

  #renderFilters(topics: Topic[]): TemplateResult | typeof nothing {
    const shown = (this.filters ?? '').split(',').map((f) => f.trim());
    if (!shown.includes('topic') && !shown.includes('format')) return nothing;
    const t = this.t;
    const pick = (key: 'topic' | 'format') => (e: Event) => {
      this.chosen = { ...this.chosen, [key]: (e.target as HTMLSelectElement).value };
    };
    const names = FORMAT_NAMES[this.uiLang];
    return html`<form part="filters" aria-label=${this.label ? `${t.filters}: ${this.label}` : this.landmarkLabel(t.filters)} @submit=${(e: SubmitEvent) => e.preventDefault()}>
      ${
        shown.includes('topic')
          ? html`<label
            >${t.topic}
            <select @change=${pick('topic')}>
              <option value="">${t.all}</option>
              ${topics.map((x) => html`<option value=${x.slug} ?selected=${this.chosen.topic === x.slug} lang=${fallbackLang(x.meta, 'name')}>${x.name}</option>`)}
            </select></label
          >`
          : nothing
      }
      ${
        shown.includes('format')
          ? html`<label
            >${t.format}
            <select @change=${pick('format')}>
              <option value="">${t.all}</option>
              ${FORMATS.map((f) => html`<option value=${f} ?selected=${this.chosen.format === f}>${names[f]}</option>`)}
            </select></label
          >`
          : nothing
      }
    </form>`;
  }

  #contact(s: Service): TemplateResult | typeof nothing {
    const href = safeHref(s.contact.email ? `mailto:${s.contact.email}` : null);
    return href
      ? html`<p><a href=${href}>${this.t.contact}<span class="visually-hidden" lang=${fallbackLang(s.meta, 'title')}>: ${s.title}</span></a></p>`
      : nothing;
  }

  protected renderData(data: Data): TemplateResult {
    const names = FORMAT_NAMES[this.uiLang];
    return html`<section aria-label=${this.landmarkLabel(this.t.services)}>
      ${this.#renderFilters(data.topics)}
      <p class="visually-hidden" role="status">${this.t.foundItems(data.services.length)}</p>
      ${
        data.services.length === 0
          ? this.renderStatus(this.t.noServices)
          : html`<ul class="items" part="list">
            ${data.services.map(
              (s) => html`<li part="service">
                <p class="format">${names[s.format]}</p>
                ${this.heading(this.titleLink(s, s.title), 0, fallbackLang(s.meta, 'title'))}
                ${s.summary ? html`<p lang=${fallbackLang(s.meta, 'summary')}>${s.summary}</p>` : nothing}
                ${s.audience ? html`<p class="muted">${this.t.audience}: <span lang=${fallbackLang(s.meta, 'audience')}>${s.audience}</span></p>` : nothing}
                ${this.#contact(s)}
              </li>`,
            )}
          </ul>`
      }
    </section>`;
  }
}

define('socius-services', SociusServices);

declare global {
  interface HTMLElementTagNameMap {
    'socius-services': SociusServices;
  }
}
