// What the hostile-content tests look for in a rendered page, as self-contained functions: they run in the test
// page itself (widgets rendered there) and, as source text, inside pages opened by the commands of
// hostile-host.ts (the Worker's HTML pages, partner pages). No imports, no helpers from outside their bodies.

/** The vocabulary every page and widget is built from; content can only ever add text to it. */
export interface Vocabulary {
  elements: string[];
  attributes: string[];
  /** Origins script files may come from (besides the page's own). */
  scriptOrigins: string[];
}

/**
 * Everything in the document and in every shadow root (open ones, recursively) that content could have brought
 * in: an element or attribute outside `vocabulary`, an event-handler attribute, a URL that is not http(s),
 * mailto, tel or relative, a script from another origin, an iframe with srcdoc, a style with url().
 */
export function armedConstructs(vocabulary: Vocabulary): string[] {
  const elements = new Set(vocabulary.elements);
  const attributes = new Set(vocabulary.attributes);
  const found: string[] = [];
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'ping'];
  const where = (el: Element) =>
    `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}>`;
  const scheme = (value: string) => {
    try {
      return new URL(value, location.href).protocol;
    } catch {
      return 'unparseable:';
    }
  };
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      const custom = /^socius-[a-z]+$/.test(tag);
      if (!elements.has(tag) && !custom) found.push(`element ${where(el)}`);
      for (const attribute of el.attributes) {
        const name = attribute.name;
        if (/^on/i.test(name)) found.push(`${where(el)} ${name}="${attribute.value}"`);
        else if (!attributes.has(name) && !name.startsWith('aria-') && !name.startsWith('data-')) found.push(`${where(el)} ${name}`);
        if (URL_ATTRIBUTES.includes(name)) {
          const protocol = scheme(attribute.value);
          if (!['http:', 'https:', 'mailto:', 'tel:'].includes(protocol)) found.push(`${where(el)} ${name}="${attribute.value}"`);
        }
        if (name === 'style' && /url\(|expression\(/i.test(attribute.value)) found.push(`${where(el)} style="${attribute.value}"`);
      }
      if (tag === 'script') {
        const src = el.getAttribute('src');
        const type = el.getAttribute('type');
        if (src !== null && ![location.origin, ...vocabulary.scriptOrigins].includes(new URL(src, location.href).origin))
          found.push(`script from ${src}`);
        if (src === null && type !== 'application/ld+json' && root !== document) found.push(`inline script in a shadow root`);
      }
      if (tag === 'iframe' && el.hasAttribute('srcdoc')) found.push(`${where(el)} srcdoc`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}

/** Every element name and attribute name in the document and its shadow roots, to review an allow-list against. */
export function inventory(): { elements: string[]; attributes: string[] } {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      elements.add(el.localName);
      for (const attribute of el.attributes) attributes.add(attribute.name);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return { elements: [...elements].sort(), attributes: [...attributes].sort() };
}

/** Every `name` in every JSON-LD block of the document (at any depth), and the blocks that do not parse. */
export function jsonLdBlocks(): { names: string[]; broken: string[] } {
  const names: string[] = [];
  const broken: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'name' && typeof inner === 'string') names.push(inner);
        else collect(inner);
      }
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      broken.push((script.textContent ?? '').slice(0, 200));
    }
  }
  return { names, broken };
}
