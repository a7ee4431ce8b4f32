// The widget builder's browser code, inlined into the home page. Plain JavaScript on purpose: it runs in the
// visitor's browser and needs no bundle of its own. It only talks to this API.
export const BUILDER_SCRIPT = `
const form = document.querySelector('#builder');
const preview = document.querySelector('#preview');
const snippet = document.querySelector('#snippet');
const copied = document.querySelector('#copied');
const origin = location.origin;
const OPTIONS = {
  'socius-events': ['lang', 'topic', 'city', 'attendance-mode', 'layout', 'limit', 'filters', 'search', 'theme'],
  'socius-event': ['lang', 'slug', 'theme'],
  'socius-analyses': ['lang', 'topic', 'layout', 'limit', 'theme'],
  'socius-analysis': ['lang', 'slug', 'theme'],
  'socius-services': ['lang', 'topic', 'filters', 'theme'],
  'socius-about': ['lang', 'theme'],
};
const LAYOUTS = { 'socius-events': ['list', 'cards', 'compact', 'calendar'], 'socius-analyses': ['cards', 'list'] };
const FILTERS = { 'socius-events': ['topic', 'city', 'date'], 'socius-services': ['topic', 'format'] };
const LABEL = { nl: 'Bekijk dit op de site van Socius', en: 'See this on the Socius site', fr: 'Voir ceci sur le site de Socius' };
// The snippet is written by the browser's own HTML serialiser from elements in a document that runs nothing,
// so every attribute value is escaped by the platform, not by hand.
const inert = document.implementation.createHTMLDocument('');

async function fill(select, path, value, label) {
  const body = await (await fetch(path)).json();
  select.replaceChildren(new Option('—', ''), ...body.data.map((item) => new Option(label(item), item[value])));
}

function attributes() {
  const tag = form.element.value;
  const allowed = OPTIONS[tag];
  const attrs = [];
  for (const name of allowed) {
    if (name === 'filters') {
      const picked = [...form.querySelectorAll('[name=filters]:checked')].map((box) => box.value).filter((v) => FILTERS[tag].includes(v));
      if (picked.length) attrs.push(['filters', picked.join(',')]);
    } else if (name === 'search') {
      if (form.search.checked) attrs.push(['search', '']);
    } else {
      const field = form.elements[name];
      if (field && field.value) attrs.push([name, field.value]);
    }
  }
  return attrs;
}

function update() {
  const tag = form.element.value;
  for (const row of form.querySelectorAll('[data-for]')) row.hidden = !OPTIONS[tag].includes(row.dataset.for);
  const layout = form.layout;
  const layouts = LAYOUTS[tag] || [];
  if ([...layout.options].map((o) => o.value).join() !== layouts.join()) layout.replaceChildren(...layouts.map((l) => new Option(l, l)));
  for (const box of form.querySelectorAll('[name=filters]')) box.closest('label').hidden = !(FILTERS[tag] || []).includes(box.value);
  const attrs = attributes();
  const style = [];
  if (form.accent.value && form.accent.value !== '#a3004a') style.push('--socius-accent: ' + form.accent.value);
  if (form.font.value) style.push('--socius-font: ' + form.font.value);
  const widget = inert.createElement(tag);
  for (const [name, value] of attrs) widget.setAttribute(name, value);
  if (style.length) widget.setAttribute('style', style.join('; '));
  preview.replaceChildren(document.importNode(widget, false));
  const query = new URLSearchParams(attrs.filter(([n]) => !['filters', 'search', 'theme'].includes(n)).map(([n, v]) => [n, v]));
  const embed = origin + '/embed/' + tag.replace('socius-', '') + (String(query) ? '?' + query : '');
  const lang = form.lang.value || 'nl';
  const script = inert.createElement('script');
  script.setAttribute('type', 'module');
  script.setAttribute('src', origin + '/widgets/v1/socius.js');
  const link = inert.createElement('a');
  link.setAttribute('href', embed);
  link.textContent = LABEL[lang];
  widget.append('\\n  ', link, '\\n');
  snippet.value = script.outerHTML + '\\n' + widget.outerHTML;
  document.querySelector('#embed-link').href = embed;
}

form.addEventListener('input', update);
form.addEventListener('change', update);
document.querySelector('#copy').addEventListener('click', async () => {
  // Copying the selected text works everywhere without a permission prompt; the asynchronous Clipboard API is
  // the fallback, and a browser that answers neither leaves the snippet selected for Ctrl+C.
  snippet.focus();
  snippet.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {}
  if (!done && navigator.clipboard) {
    const noAnswer = new Promise((resolve) => setTimeout(() => resolve(false), 1500));
    done = await Promise.race([navigator.clipboard.writeText(snippet.value).then(() => true, () => false), noAnswer]);
  }
  copied.textContent = done ? 'Copied to the clipboard.' : 'Press Ctrl+C (or Cmd+C) to copy the selected snippet.';
});
await Promise.all([
  fill(form.topic, '/v1/topics?lang=en', 'slug', (t) => t.name),
  fill(form.slug, '/v1/events?limit=100&lang=en', 'slug', (e) => e.title),
]);
form.element.addEventListener('change', async () => {
  const analyses = form.element.value === 'socius-analysis';
  await fill(form.slug, analyses ? '/v1/analyses?limit=100&lang=en' : '/v1/events?limit=100&lang=en', 'slug', (x) => x.title);
  update();
});
update();
`;
