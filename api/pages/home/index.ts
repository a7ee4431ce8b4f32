// GET /: every widget live on the stored content, and a builder that writes the exact embed snippet.
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../env.ts';
import { htmlDocument, styleElement } from '../layout.ts';
import { BUILDER_SCRIPT } from './builder-script.ts';

/** The builder's browser code, served by this Worker beside the page. */
export const BUILDER_SCRIPT_PATH = '/builder.js';

const STYLE = `
[hidden]{display:none!important}
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5;--accent:#a3004a}
body{margin:0 auto;padding:1rem 1.5rem 4rem;max-width:72rem}
header{border-bottom:4px solid var(--accent);margin-bottom:1.5rem}
h1{margin:.5rem 0}h2{margin-top:2.5rem}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0}
a{color:light-dark(#a3004a,#ff9ccb)}
.builder{display:grid;grid-template-columns:minmax(16rem,22rem) 1fr;gap:2rem;align-items:start}
@media (max-width:50rem){.builder{grid-template-columns:1fr}}
form{display:grid;gap:.75rem;min-width:0}
.builder>*{min-width:0}
form select,form input:not([type=checkbox]):not([type=color]){width:100%}
label{display:grid;gap:.2rem;font-weight:600}
fieldset{border:1px solid #8888;border-radius:.5rem}
fieldset label,label.check{display:inline-flex;gap:.4rem;align-items:center;font-weight:400;margin-inline-end:1rem}
label.check span{order:1}
.fields{display:grid;gap:.75rem}
input,select,textarea,button{font:inherit}
select,input:not([type=checkbox]):not([type=color]){min-height:2.4rem}
textarea{width:100%;min-height:9rem;font-family:ui-monospace,monospace;font-size:.85rem}
button{min-height:2.5rem;padding:.3rem 1rem;border-radius:.5rem;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
.frame{border:1px dashed #8888;border-radius:.5rem;padding:1rem;min-height:8rem}
.gallery{display:grid;gap:2rem}
`;

export const homeRouter = new Hono<AppEnv>().get('/', (c) =>
  c.html(
    htmlDocument({
      lang: 'en',
      title: 'Socius Content API – widgets and builder',
      head: html`${styleElement(STYLE)}
<script type="module" src="/widgets/v1/socius.js"></script>`,
      body: html`<header>
<h1>Socius Content API</h1>
<p>Socius content (organisation, topics, services, analyses, events) in Dutch, English and French, as JSON and as widgets for your own site.</p>
<nav aria-label="Developer links"><ul>
<li><a href="/docs">API reference</a></li>
<li><a href="/openapi.json">OpenAPI 3.1 document</a></li>
<li><a href="/v1/events?lang=en">Upcoming events (JSON)</a></li>
<li><a href="/widgets/custom-elements.json">Custom elements manifest</a></li>
</ul></nav>
</header>
<main>
<h2 id="builder-title">Build your widget</h2>
<p>Pick what to show and how (every attribute of <code>/widgets/custom-elements.json</code>; hover a field for what it does); copy the snippet into any page (WordPress, Drupal, plain HTML). The link inside the element is what visitors without JavaScript get.</p>
<div class="builder">
<form id="builder" aria-labelledby="builder-title">
<label>Widget <select name="element">
<option value="socius-events">Events (socius-events)</option>
<option value="socius-event">One event (socius-event)</option>
<option value="socius-analyses">Analyses (socius-analyses)</option>
<option value="socius-analysis">One analysis (socius-analysis)</option>
<option value="socius-services">Services (socius-services)</option>
<option value="socius-about">Organisation card (socius-about)</option>
</select></label>
<div id="fields" class="fields"></div>
<label>Accent colour <input type="color" name="accent" value="#a3004a"></label>
<label>Font <select name="font"><option value="">Host page font</option><option value="Georgia, serif">Serif</option><option value="system-ui, sans-serif">System sans-serif</option></select></label>
</form>
<div>
<h3>Preview</h3>
<div class="frame" id="preview"></div>
<h3><label for="snippet">Embed snippet</label></h3>
<textarea id="snippet" readonly></textarea>
<p><button type="button" id="copy">Copy snippet</button> <span id="copied" role="status"></span></p>
<p>Without scripts (for example in an iframe): <a id="embed-link" href="/embed/events">the same content as plain HTML</a>.</p>
</div>
</div>
<h2>Every widget, live</h2>
<div class="gallery">
<section aria-labelledby="g-events"><h3 id="g-events">&lt;socius-events layout="cards" filters="topic,city"&gt;</h3><socius-events layout="cards" filters="topic,city" heading-level="4"></socius-events></section>
<section aria-labelledby="g-cal"><h3 id="g-cal">&lt;socius-events layout="calendar"&gt;</h3><socius-events layout="calendar" heading-level="4"></socius-events></section>
<section aria-labelledby="g-event"><h3 id="g-event">&lt;socius-event&gt;</h3><socius-event heading-level="4"></socius-event></section>
<section aria-labelledby="g-analyses"><h3 id="g-analyses">&lt;socius-analyses&gt;</h3><socius-analyses heading-level="4"></socius-analyses></section>
<section aria-labelledby="g-services"><h3 id="g-services">&lt;socius-services filters="topic,format"&gt;</h3><socius-services filters="topic,format" heading-level="4"></socius-services></section>
<section aria-labelledby="g-about"><h3 id="g-about">&lt;socius-about&gt;</h3><socius-about heading-level="4"></socius-about></section>
</div>
</main>
<script type="module" src="${BUILDER_SCRIPT_PATH}"></script>`,
    }),
  ),
);

// A file of its own rather than an inline script, so the page's Content-Security-Policy needs no exception for it.
homeRouter.get(BUILDER_SCRIPT_PATH, (c) =>
  c.body(BUILDER_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
);
