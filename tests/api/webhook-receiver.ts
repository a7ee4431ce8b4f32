// A real webhook receiver for tests/api/webhooks.test.ts: a plain Node HTTP server on loopback, so deliveries
// travel as real HTTP requests out of workerd. Each path is one receiver: `/fail-<n>/<name>` answers 500 to its
// first n requests and 200 after that. `GET /received/<path>` returns what that path was sent (raw body and the
// headers), for the test to verify with the independent Standard Webhooks library.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { TestProject } from 'vitest/node';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

export default async function setup(project: TestProject) {
  const received = new Map<string, Received[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      if (request.method === 'GET' && path.startsWith('/received/')) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(received.get(path.slice('/received'.length)) ?? []));
        return;
      }
      const log = received.get(path) ?? [];
      const failures = Number(/^\/fail-(\d+)\//.exec(path)?.[1] ?? 0);
      const answered = log.length < failures ? 500 : 200;
      log.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      received.set(path, log);
      response.writeHead(answered, { 'Content-Type': 'text/plain' });
      response.end(answered === 200 ? 'ok' : 'failing on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the webhook receiver has no port');
  project.provide('webhookReceiver', `http://127.0.0.1:${address.port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the loopback webhook receiver (tests/api/webhook-receiver.ts). */
    webhookReceiver: string;
  }
}
