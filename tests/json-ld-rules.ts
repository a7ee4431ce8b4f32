// What makes the schema.org JSON-LD we publish usable by search engines and portals: the properties each type
// needs (after Google's structured-data requirements for Event and Article, and schema.org's own for the rest),
// and links that are only ever http(s) or mailto. Shared by the API tests (workerd) and the widget tests (Chromium).

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
const isSchemaOrgEnum = (value: unknown, prefix: string) => typeof value === 'string' && value.startsWith(`https://schema.org/${prefix}`);

const REQUIRED: Record<string, (node: Node, at: string) => string[]> = {
  Event: (n, at) => [
    ...(isText(n.name) ? [] : [`${at}: Event without name`]),
    ...(isDate(n.startDate) ? [] : [`${at}: Event without an ISO 8601 startDate`]),
    ...(n.endDate === undefined || isDate(n.endDate) ? [] : [`${at}: Event endDate is not ISO 8601`]),
    ...(isSchemaOrgEnum(n.eventStatus, 'Event') ? [] : [`${at}: Event without a schema.org eventStatus`]),
    // A session (subEvent) takes its place and attendance mode from the event it belongs to.
    ...(at.includes('.subEvent[') || isSchemaOrgEnum(n.eventAttendanceMode, '') ? [] : [`${at}: Event without eventAttendanceMode`]),
    ...(at.includes('.subEvent[') || asArray(n.location).some(isNode) ? [] : [`${at}: Event without location`]),
  ],
  Place: (n, at) => (isText(n.name) || isNode(n.address) ? [] : [`${at}: Place without name or address`]),
  VirtualLocation: (n, at) => (isText(n.url) ? [] : [`${at}: VirtualLocation without url`]),
  Offer: (n, at) => (typeof n.price === 'number' && isText(n.priceCurrency) ? [] : [`${at}: Offer without price and priceCurrency`]),
  Report: (n, at) => [
    ...(isText(n.headline) ? [] : [`${at}: Report without headline`]),
    ...(isDate(n.datePublished) ? [] : [`${at}: Report without an ISO 8601 datePublished`]),
    ...(isDate(n.dateModified) ? [] : [`${at}: Report without an ISO 8601 dateModified`]),
    ...(asArray(n.author).length > 0 && asArray(n.author).every((a) => isNode(a) && isText(a.name))
      ? []
      : [`${at}: Report without named authors`]),
    ...(isText(n.inLanguage) ? [] : [`${at}: Report without inLanguage`]),
    ...(isText(n.license) ? [] : [`${at}: Report without license`]),
  ],
  Service: (n, at) => [
    ...(isText(n.name) ? [] : [`${at}: Service without name`]),
    ...(isNode(n.provider) ? [] : [`${at}: Service without provider`]),
  ],
  Organization: (n, at) => (isText(n.name) ? [] : [`${at}: Organization without name`]),
  DefinedTerm: (n, at) => (isText(n.name) ? [] : [`${at}: DefinedTerm without name`]),
  ItemList: (n, at) => {
    const items = n.itemListElement;
    if (!Array.isArray(items)) return [`${at}: ItemList without itemListElement`];
    return items.flatMap((entry, index) =>
      isNode(entry) && entry['@type'] === 'ListItem' && entry.position === index + 1 && isNode(entry.item)
        ? []
        : [`${at}.itemListElement[${index}]: not a ListItem at position ${index + 1} with an item`],
    );
  },
};

const LINK_KEYS = new Set(['url', '@id', 'contentUrl', 'sameAs']);

function walk(value: unknown, at: string, issues: string[]): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, `${at}[${index}]`, issues);
    return;
  }
  if (!isNode(value)) return;
  const type = value['@type'];
  if (typeof type === 'string') issues.push(...(REQUIRED[type]?.(value, at) ?? []));
  for (const [key, child] of Object.entries(value)) {
    if (LINK_KEYS.has(key)) {
      for (const link of asArray(child)) {
        if (typeof link !== 'string' || !/^(https?|mailto):/i.test(link))
          issues.push(`${at}.${key}: ${JSON.stringify(link)} is not an http(s) or mailto URL`);
      }
    }
    walk(child, `${at}.${key}`, issues);
  }
}

/** Everything wrong with a JSON-LD document; empty when it is a schema.org document whose nodes have what they need. */
export function jsonLdIssues(document: unknown): string[] {
  if (!isNode(document)) return ['not a JSON object'];
  const issues: string[] = [];
  if (document['@context'] !== 'https://schema.org') issues.push(`@context is ${JSON.stringify(document['@context'])}`);
  if (typeof document['@type'] !== 'string') issues.push('no @type at the top');
  walk(document, '$', issues);
  return issues;
}
