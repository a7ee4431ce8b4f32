import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { byline } from '../shared/analysis-parts.ts';
import { type Analysis, api, apiUrl } from '../shared/client.ts';
import { define } from '../shared/define.ts';
import { fallbackLang } from '../shared/fallback.ts';
import { formatDate } from '../shared/format.ts';
import { loadSanitiser, type Sanitise } from '../shared/rich-text.ts';
import { safeHref } from '../shared/safe-href.ts';
import { SociusElement } from '../shared/socius-element.ts';
import { baseStyles } from '../shared/styles.ts';

/** A download link; a file whose URL may not become a link is still listed, by its title. */
function attachmentLink(file: Analysis['attachments'][number]): TemplateResult | string {
  const href = safeHref(file.url);
  return href ? html`<a href=${href} hreflang=${file.lang} download>${file.title}</a>` : file.title;
}

/**
 * A full analysis to read: summary, table of contents, sections with anchors, authors, dates, licence and
 * downloads. Without `slug` it shows the newest analysis. Section bodies are HTML: the API sanitises them when
 * they are written, and this element sanitises them again (the API's own sanitiser, the documented tags only) before it
 * renders them; nothing else is ever inserted as HTML.
 *
 * @csspart toc - The table of contents.
 * @csspart section - One section.
 * @csspart downloads - The list of files.
 * @tag socius-analysis
 */
export class SociusAnalysis extends SociusElement<Analysis> {
  static override styles = [
    baseStyles,
    css`
      :host {
        --_item-height: 40rem;
      }
      nav {
        border-block: 1px solid var(--_border);
        padding: 0.5em 0;
        margin: var(--_space) 0;
      }
      nav ol {
        margin: 0.25em 0 0;
      }
      section {
        margin-block: var(--_space);
        scroll-margin-top: var(--_space);
      }
      .summary {
        font-size: 1.1em;
      }
      blockquote {
        margin-inline: 0;
        padding-inline-start: 1em;
        border-inline-start: 3px solid var(--_accent);
      }
    `,
  ];
  static override properties: PropertyDeclarations = { slug: { type: String, reflect: true } };
  /** Slug of the analysis to show (as in `/v1/analyses/{slug}`); without it, the newest analysis. */
  declare slug: string;
  protected readonly reloadOn = ['slug'];

  #sanitise: Sanitise | undefined;

  protected async fetchData(signal: AbortSignal): Promise<Analysis | undefined> {
    const slug = this.slug || (await api.listAnalyses(this.apiBase, { lang: this.uiLang, limit: 1 }, signal)).data[0]?.slug;
    if (!slug) return undefined;
    const [analysis, sanitise] = await Promise.all([api.getAnalysis(this.apiBase, slug, { lang: this.uiLang }, signal), loadSanitiser()]);
    this.#sanitise = sanitise;
    return analysis.data;
  }

  protected override get emptyMessage(): string {
    return this.t.noAnalyses;
  }

  protected override jsonLd(a: Analysis) {
    return apiUrl(this.apiBase, `v1/analyses/${encodeURIComponent(a.slug)}`, { lang: this.uiLang });
  }

  /** Fragment links cannot cross the shadow boundary, so the table of contents scrolls itself. */
  #jump(e: MouseEvent, anchor: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(anchor)}`);
    if (!target) return;
    e.preventDefault();
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    target.focus({ preventScroll: true });
  }

  protected renderData(a: Analysis): TemplateResult {
    const t = this.t;
    return html`<article aria-label=${a.title}>
      ${this.heading(this.titleLink(a, a.title), 0, fallbackLang(a.meta, 'title'))}
      <p class="muted">
        ${byline(a, t, this.uiLang)}${a.revisedAt ? html` · ${t.revised} ${formatDate(a.revisedAt, this.uiLang)}` : nothing} ·
        ${t.licence} <a href=${`https://spdx.org/licenses/${encodeURIComponent(a.licence)}.html`}>${a.licence}</a>
      </p>
      ${a.summary ? html`<p class="summary" lang=${fallbackLang(a.meta, 'summary')}>${a.summary}</p>` : nothing}
      <nav aria-label=${t.contents} part="toc">
        ${this.heading(t.contents, 1)}
        <ol>
          ${a.sections.map((s) => html`<li><a href=${`#${s.anchor}`} @click=${(e: MouseEvent) => this.#jump(e, s.anchor)}>${s.heading}</a></li>`)}
        </ol>
      </nav>
      ${a.sections.map(
        (s) => html`<section id=${s.anchor} tabindex="-1" part="section" lang=${s.fallback ? 'nl' : nothing}>
          ${this.heading(s.heading, 1)} ${s.fallback ? html`<p class="muted">${t.inDutch}</p>` : nothing} ${this.#sanitise ? html`<div .innerHTML=${this.#sanitise(s.body)}></div>` : nothing}
        </section>`,
      )}
      ${
        a.attachments.length > 0
          ? html`<section aria-label=${t.downloads}>
            ${this.heading(t.downloads, 1)}
            <ul part="downloads">
              ${a.attachments.map(
                (f) => html`<li>
                  ${attachmentLink(f)}
                  <span class="muted"
                    >(${f.mediaType === 'application/pdf' ? 'PDF' : f.mediaType}${
                      f.byteSize ? `, ${Math.round(f.byteSize / 1024)} kB` : ''
                    }, ${f.lang.toUpperCase()})</span
                  >
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
    </article>`;
  }
}

define('socius-analysis', SociusAnalysis);

declare global {
  interface HTMLElementTagNameMap {
    'socius-analysis': SociusAnalysis;
  }
}
