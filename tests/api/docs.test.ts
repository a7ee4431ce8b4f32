import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../../api/errors.ts';
import { get, getProblem, ORIGIN } from './helpers.ts';

describe('GET /docs', () => {
  it('serves the API reference with its script from this server, so it works offline', async () => {
    const { status, headers, body } = await get<string>('/docs');
    expect(status).toBe(200);
    expect(headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(body).toContain('<html lang="en">');
    const scripts = [...body.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((match) => match[1]);
    expect(scripts).toEqual(['/docs/scalar.js']);
    expect(body).not.toMatch(/<script\b[^>]*\bsrc=["']?(https?:)?\/\//i);
    // No absolute URL at all: no CDN, web fonts or telemetry endpoint the browser could be sent to.
    expect(body).not.toMatch(/https?:\/\//);
    expect(body).toContain('"url": "/openapi.json"');
  });

  it('is open to every origin, like the OpenAPI document', async () => {
    for (const path of ['/docs', '/openapi.json']) {
      const response = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Origin: 'https://partner.example' } });
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Access-Control-Allow-Origin'), path).toBe('*');
    }
  });
});

describe('GET /problems/{type}', () => {
  it('explains every problem type in a page with its title, status, meaning and fix', async () => {
    for (const [type, problem] of Object.entries(PROBLEM_TYPES)) {
      const { status, headers, body } = await get<string>(`/problems/${type}`);
      expect(status, type).toBe(200);
      expect(headers.get('Content-Type'), type).toMatch(/^text\/html/);
      expect(body).toContain('<html lang="en">');
      expect(body).toContain(`<title>${problem.title} · Socius Content API</title>`);
      expect(body).toContain(`<h1>${problem.title}</h1>`);
      expect(body).toMatch(new RegExp(`<dt>HTTP status</dt>\\s*<dd>${problem.status}</dd>`));
      expect(body).toContain('<main>');
      expect(body).toContain('<h2>What it means</h2>');
      expect(body).toContain('<h2>How to fix it</h2>');
    }
  });

  it('is where the `type` of a real error leads', async () => {
    for (const [path, status] of [
      ['/v1/events?limit=0', 400],
      ['/v1/events/no-such-event', 404],
      ['/v1/nothing-here', 404],
    ] as const) {
      const problem = await getProblem(path, status);
      const page = await get<string>(problem.type);
      expect(page.status, problem.type).toBe(200);
      expect(page.body).toContain(`<h1>${problem.title}</h1>`);
    }
  });

  it('lists every problem type at /problems', async () => {
    const { status, body } = await get<string>('/problems');
    expect(status).toBe(200);
    for (const type of Object.keys(PROBLEM_TYPES)) expect(body).toContain(`<a href="/problems/${type}">`);
  });

  it('answers an unknown problem type with a 404 problem', async () => {
    for (const type of ['no-such-problem', 'constructor', '__proto__']) {
      const problem = await getProblem(`/problems/${type}`, 404);
      expect(problem.type).toBe('/problems/not-found');
    }
  });
});
