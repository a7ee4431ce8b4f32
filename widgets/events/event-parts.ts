// Pieces of an event shown by both <socius-events> and <socius-event>: badges, facts, actions, JSON-LD.
import { html, nothing, type TemplateResult } from 'lit';
import { apiUrl, type Event } from '../shared/client.ts';
import type { STRINGS } from '../shared/strings.ts';

type Strings = (typeof STRINGS)['nl'];

export function badges(event: Event, t: Strings): TemplateResult | typeof nothing {
  const items: [string, boolean][] = [];
  if (event.status !== 'scheduled') items.push([t[event.status], true]);
  if (event.attendanceMode === 'online') items.push([t.online, false]);
  if (event.attendanceMode === 'mixed') items.push([t.mixed, false]);
  if (event.registration.availability === 'full') items.push([t.full, true]);
  if (event.registration.availability === 'limited') items.push([t.limited, false]);
  if (event.price.free) items.push([t.free, false]);
  if (items.length === 0) return nothing;
  return html`<ul class="badges" part="badges">
    ${items.map(([label, alert]) => html`<li class="badge ${alert ? 'alert' : ''}" part="badge">${label}</li>`)}
  </ul>`;
}

export function place(event: Event, t: Strings): string {
  const venue = event.venue;
  const where = [venue?.name, venue?.city].filter(Boolean).join(', ');
  if (event.attendanceMode === 'online') return t.online;
  if (event.attendanceMode === 'mixed') return `${where} + ${t.online.toLowerCase()}`;
  return where;
}

export function price(event: Event, t: Strings, lang: string): string {
  if (event.price.free) return t.free;
  if (event.price.amountCents === null) return event.price.note ?? '';
  const amount = new Intl.NumberFormat(lang, { style: 'currency', currency: event.price.currency }).format(event.price.amountCents / 100);
  return event.price.note ? `${amount} (${event.price.note})` : amount;
}

export function calendarUrl(apiBase: string, event: Event, lang: string): string {
  return apiUrl(apiBase, `v1/events/${encodeURIComponent(event.slug)}/calendar.ics`, { lang }).href;
}

/** Registration and add-to-calendar links; clicking "register" fires a cancelable `socius-register`. */
export function actions(host: HTMLElement, apiBase: string, event: Event, t: Strings, lang: string): TemplateResult {
  const register = (click: MouseEvent) => {
    const allowed = host.dispatchEvent(
      new CustomEvent('socius-register', {
        detail: { slug: event.slug, url: event.registration.url },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!allowed) click.preventDefault();
  };
  const registrationUrl = event.registration.url;
  const canRegister = registrationUrl && event.status !== 'cancelled' && event.registration.availability !== 'full';
  return html`<p class="actions" part="actions">
    ${
      canRegister
        ? html`<a class="button primary" part="register" href=${registrationUrl} @click=${register}
          >${t.register}<span class="visually-hidden">: ${event.title}</span></a
        >`
        : nothing
    }
    ${
      event.status !== 'cancelled'
        ? html`<a class="button" part="add-to-calendar" href=${calendarUrl(apiBase, event, lang)} download
          >${t.addToCalendar}<span class="visually-hidden">: ${event.title}</span></a
        >`
        : nothing
    }
    ${
      event.onlineUrl && event.status !== 'cancelled'
        ? html`<a class="button" part="online-link" href=${event.onlineUrl}>${t.joinOnline}</a>`
        : nothing
    }
  </p>`;
}
