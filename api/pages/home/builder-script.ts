// The widget builder's browser code, served as /builder.js beside the home page (a file, so the page's CSP needs no
// inline-script exception). Plain JavaScript on purpose: it runs in the visitor's browser and needs no bundle of
// its own. It only talks to this API.
//
// The fields come from the custom-elements manifest the widget build writes, so every attribute an element has is
// offered, with the values its documentation names; nothing here lists attributes by hand.
export const BUILDER_SCRIPT = `
const form = document.querySelector('#builder');
const fields = document.querySelector('#fields');
const preview = document.querySelector('#preview');
const snippet = document.querySelector('#snippet');
const copied = document.querySelector('#copied');
const origin = location.origin;
const LABEL = { nl: 'Bekijk dit op de site van Socius', en: 'See this on the Socius site', fr: 'Voir ceci sur le site de Socius' };
// A widget without lang speaks its host page's language, and Dutch on a page that declares none: the preview
// shows the Dutch a page of unknown language gets, not this page's English.
const DEFAULT_LANG = 'nl';
// api-base is where the snippet's script comes from already; the builder writes the script tag, so not offered.
const SKIP = new Set(['api-base']);
// Options that come from the API rather than from the manifest: the values are slugs a person picks by name.
const SOURCES = {
  topic: { path: '/v1/topics?lang=en', label: (x) => x.name },
  service: { path: '/v1/services?lang=en&limit=100', label: (x) => x.title },
};
const SLUG_SOURCES = {
  'socius-event': { path: '/v1/events?lang=en&limit=100', label: (x) => x.title },
  'socius-analysis': { path: '/v1/analyses?lang=en&limit=100', label: (x) => x.title },
};
// Attributes that only shape the widget in the browser, left out of the no-JavaScript link.
const NOT_FOR_EMBED = new Set(['search', 'theme', 'heading-level', 'no-jsonld']);
// The snippet is written by the browser's own HTML serialiser from elements in a document that runs nothing,
// so every attribute value is escaped by the platform, not by hand.
const inert = document.implementation.createHTMLDocument('');
const lists = new Map();
let elements = new Map();

/** The values an attribute's documentation names in backticks (such as \`list\`, \`cards\`), or none. */
function documentedValues(attribute) {
  const literals = [...(attribute.type?.text ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
  if (literals.length > 1) return literals;
  return [...new Set([...(attribute.description ?? '').matchAll(/\`([a-z][a-z0-9-]*)\`/g)].map((m) => m[1]))];
}

const kindOf = (attribute) => {
  const type = attribute.type?.text ?? '';
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return 'number';
  if (SOURCES[attribute.name] || attribute.name === 'slug') return 'source';
  const values = documentedValues(attribute);
  if (values.length > 1) return /comma-separated/.test(attribute.description ?? '') ? 'multi' : 'choice';
  return 'text';
};

async function list(path) {
  if (!lists.has(path)) lists.set(path, fetch(path).then((r) => r.json()).then((body) => body.data));
  return lists.get(path);
}

function labelled(attribute, control) {
  const label = document.createElement('label');
  label.dataset.for = attribute.name;
  const name = document.createElement('span');
  name.textContent = attribute.name;
  label.title = attribute.description ?? '';
  label.append(name, control);
  return label;
}

/** One form field for one attribute of the manifest. */
async function field(tag, attribute) {
  const kind = kindOf(attribute);
  if (kind === 'boolean') {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: attribute.name });
    const label = labelled(attribute, box);
    label.classList.add('check');
    return label;
  }
  if (kind === 'number') {
    const input = Object.assign(document.createElement('input'), { type: 'number', name: attribute.name, placeholder: 'default ' + (attribute.default ?? '') });
    return labelled(attribute, input);
  }
  if (kind === 'multi') {
    const set = document.createElement('fieldset');
    set.dataset.for = attribute.name;
    set.title = attribute.description ?? '';
    const legend = document.createElement('legend');
    legend.textContent = attribute.name;
    set.append(legend);
    for (const value of documentedValues(attribute)) {
      const label = document.createElement('label');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: attribute.name, value });
      label.append(box, ' ' + value);
      set.append(label);
    }
    return set;
  }
  if (kind === 'choice' || kind === 'source') {
    const select = document.createElement('select');
    select.name = attribute.name;
    const fallback = String(attribute.default ?? '').replace(/'/g, '');
    const values = documentedValues(attribute);
    // A documented default is the first choice (and written out, so the snippet says what it shows); an attribute
    // without one starts empty: the widget decides.
    if (kind === 'source' || !values.includes(fallback)) select.append(new Option('—', ''));
    if (kind === 'choice') for (const value of values) select.append(new Option(value, value, false, value === fallback));
    else {
      const source = attribute.name === 'slug' ? SLUG_SOURCES[tag] : SOURCES[attribute.name];
      const items = source ? await list(source.path) : [];
      for (const item of items) select.append(new Option(source.label(item), item.slug));
    }
    return labelled(attribute, select);
  }
  const input = Object.assign(document.createElement('input'), { name: attribute.name });
  return labelled(attribute, input);
}

/** The element's attributes in the manifest, \`lang\` first, then its own, then those every element shares. */
function attributesOf(tag) {
  const all = (elements.get(tag)?.attributes ?? []).filter((a) => !SKIP.has(a.name));
  const lang = all.filter((a) => a.name === 'lang');
  return [...lang, ...all.filter((a) => a.name !== 'lang')];
}

async function buildFields() {
  const tag = form.element.value;
  const built = await Promise.all(attributesOf(tag).map((attribute) => field(tag, attribute)));
  if (tag !== form.element.value) return;
  fields.replaceChildren(...built);
  // Says which element the fields belong to, for a person's assistive tools and for tests alike.
  fields.dataset.element = tag;
  update();
}

function chosen() {
  const tag = form.element.value;
  const attrs = [];
  for (const attribute of attributesOf(tag)) {
    const kind = kindOf(attribute);
    const controls = [...fields.querySelectorAll('[name="' + attribute.name + '"]')];
    if (kind === 'boolean') {
      if (controls[0]?.checked) attrs.push([attribute.name, '']);
    } else if (kind === 'multi') {
      const picked = controls.filter((box) => box.checked).map((box) => box.value);
      if (picked.length) attrs.push([attribute.name, picked.join(',')]);
    } else if (controls[0]?.value) attrs.push([attribute.name, controls[0].value]);
  }
  return attrs;
}

function update() {
  const tag = form.element.value;
  const attrs = chosen();
  const style = [];
  if (form.accent.value && form.accent.value !== '#a3004a') style.push('--socius-accent: ' + form.accent.value);
  if (form.font.value) style.push('--socius-font: ' + form.font.value);
  const widget = inert.createElement(tag);
  for (const [name, value] of attrs) widget.setAttribute(name, value);
  if (style.length) widget.setAttribute('style', style.join('; '));
  const lang = attrs.find(([name]) => name === 'lang')?.[1] || DEFAULT_LANG;
  const shown = document.importNode(widget, false);
  // The preview speaks the language the snippet will: its own lang, else what a page without one gets.
  if (!shown.hasAttribute('lang')) shown.setAttribute('lang', lang);
  preview.replaceChildren(shown);
  const query = new URLSearchParams(attrs.filter(([n]) => !NOT_FOR_EMBED.has(n)));
  const embed = origin + '/embed/' + tag.replace('socius-', '') + (String(query) ? '?' + query : '');
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

form.addEventListener('input', (event) => {
  if (event.target !== form.element) update();
});
form.addEventListener('change', (event) => {
  if (event.target === form.element) void buildFields();
  else update();
});
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

const manifest = await (await fetch('/widgets/custom-elements.json')).json();
elements = new Map(
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
);
for (const option of [...form.element.options]) if (!elements.has(option.value)) option.remove();
await buildFields();
`;
