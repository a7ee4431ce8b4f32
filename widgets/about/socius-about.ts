import { css, html, nothing, type TemplateResult } from 'lit';
import { type About, api, apiUrl } from '../shared/client.ts';
import { define } from '../shared/define.ts';
import { fallbackLang } from '../shared/fallback.ts';
import { safeHref } from '../shared/safe-href.ts';
import { SociusElement } from '../shared/socius-element.ts';
import { baseStyles } from '../shared/styles.ts';

/** One contact link; a URL that may not become a link is left out, since its label alone says nothing. */
function link(url: string, label: string): TemplateResult | typeof nothing {
  const href = safeHref(url);
  return href ? html`<li><a href=${href}>${label}</a></li>` : nothing;
}

/**
 * The Socius organisation card: name, tagline, mission, what it offers, region, subsidiser, contact and
 * social links.
 *
 * @csspart card - The card.
 * @tag socius-about
 */
export class SociusAbout extends SociusElement<About> {
  static override styles = [
    baseStyles,
    css`
      :host {
        --_item-height: 20rem;
        --_item-height-narrow: 46rem;
      }
      .card {
        border: 1px solid var(--_border);
        border-top: 4px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_surface);
      }
      .tagline {
        font-size: 1.05em;
        font-weight: 600;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        list-style: none;
        padding: 0;
        margin: 0.5em 0 0;
      }
    `,
  ];
  protected readonly reloadOn: readonly string[] = [];

  protected fetchData(signal: AbortSignal): Promise<About> {
    return api.getAbout(this.apiBase, { lang: this.uiLang }, signal).then((body) => body.data);
  }

  protected override jsonLd(_about: About) {
    return apiUrl(this.apiBase, 'v1/about', { lang: this.uiLang });
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="card placeholder"></div>`;
  }

  protected renderData(a: About): TemplateResult {
    const t = this.t;
    const lang = (field: string) => fallbackLang(a.meta, field);
    const facts = (['region', 'subsidiser'] as const).filter((field) => a[field]);
    return html`<section class="card" part="card" aria-label=${this.landmarkLabel(a.name)}>
      ${this.heading(this.titleLink(a, a.name), 0, lang('name'))} ${a.tagline ? html`<p class="tagline" lang=${lang('tagline')}>${a.tagline}</p>` : nothing}
      ${a.mission ? html`<p lang=${lang('mission')}>${a.mission}</p>` : nothing} ${a.offer ? html`<p lang=${lang('offer')}>${a.offer}</p>` : nothing}
      ${
        facts.length > 0
          ? html`<p class="muted">${facts.map((field, i) => html`${i > 0 ? ' · ' : nothing}<span lang=${lang(field)}>${a[field]}</span>`)}</p>`
          : nothing
      }
      <ul aria-label=${t.contact}>
        ${link(a.contact.website, t.website)} ${a.contact.email ? link(`mailto:${a.contact.email}`, a.contact.email) : nothing}
        ${a.socialLinks.map((s) => link(s.url, `${s.network[0]?.toUpperCase()}${s.network.slice(1)}`))}
      </ul>
    </section>`;
  }
}

define('socius-about', SociusAbout);

declare global {
  interface HTMLElementTagNameMap {
    'socius-about': SociusAbout;
  }
}
