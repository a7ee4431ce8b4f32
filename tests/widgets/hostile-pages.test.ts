// The Worker's HTML pages showing the hostile corpus (written through the API of the hostile Worker, see
// global-setup.ts), each opened in Chromium as a visitor would (hostile-host.ts): no dialog, popup, navigation
// or script error, and no element, attribute, handler or link that the content brought in.
import { describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import { HOSTILE_ANALYSIS, HOSTILE_EVENT, HOSTILE_SERVICE, HOSTILE_TOPIC, ITEM_COUNT } from '../hostile-corpus.ts';
import { armedConstructs, type Vocabulary } from './hostile-probes.ts';

const base = inject('corpusApiBase');
const KS = Array.from({ length: ITEM_COUNT }, (_, k) => k);
const TOPICS = KS.map(HOSTILE_TOPIC).join(',');

// The pages' own vocabulary (and the widgets' inside the home page's demo).
const PAGE_VOCABULARY: Vocabulary = {
  elements: (
    'html head meta title link style script body header nav main footer section article aside div span p a h1 h2 h3 h4 ' +
    'ul ol li dl dt dd strong em blockquote br time address small figure figcaption form label input select option ' +
    'button fieldset legend textarea output details summary code pre table thead tbody tr th td caption abbr img noscript ' +
    'iframe base'
  ).split(' '),
  attributes: (
    'abbr action alt api-base autocomplete charset checked class cols colspan content crossorigin datetime dir disabled ' +
    'download filters for height hidden href hreflang id integrity lang layout limit loading max media method min ' +
    'name no-jsonld open part placeholder property readonly rel role rows rowspan scope selected sizes slug src ' +
    'step tabindex target title type value width http-equiv theme topic heading-level'
  ).split(' '),
  scriptOrigins: [],
};

const PAGES = [
  '/',
  '/en/topics',
  '/en/about',
  '/embed/about?lang=en',
  `/embed/events?lang=en&topic=${TOPICS}&limit=50&layout=cards`,
  `/embed/events?lang=en&topic=${TOPICS}&limit=50&layout=list&filters=topic,city,date`,
  `/embed/analyses?lang=en&topic=${TOPICS}&limit=50`,
  `/embed/services?lang=en&topic=${TOPICS}&limit=50`,
  // Every item page (each holds another part of the corpus); the topic pages and the one-item embeds render the
  // same texts through the same page helpers, so one of each is enough here (tests/api/hostile-outputs.test.ts
  // checks all of them without a browser).
  ...KS.flatMap((k) => [`/en/events/${HOSTILE_EVENT(k)}`, `/en/analyses/${HOSTILE_ANALYSIS(k)}`, `/en/services/${HOSTILE_SERVICE(k)}`]),
  `/en/topics/${HOSTILE_TOPIC(0)}`,
  `/embed/event?slug=${HOSTILE_EVENT(0)}&lang=en`,
  `/embed/analysis?slug=${HOSTILE_ANALYSIS(0)}&lang=en`,
];

describe('pages for people showing hostile content, in Chromium', () => {
  it('run nothing, go nowhere and hold nothing the content brought in', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    // Four pages at a time, each in a browser context of its own: most of a visit is waiting for the page to settle.
    const queue = [...PAGES];
    const visitor = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const visit = await commands.hostileVisit(`${base}${path}`, armedConstructs.toString(), PAGE_VOCABULARY);
        for (const event of visit.events) problems.push(`${path}: ${event}`);
        for (const finding of visit.found as string[]) problems.push(`${path}: ${finding}`);
      }
    };
    await Promise.all([visitor(), visitor(), visitor(), visitor()]);
    expect(problems.sort()).toEqual([]);
  });
});
