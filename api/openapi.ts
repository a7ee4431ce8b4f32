import type { OpenAPIObjectConfigure } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

type Document = Exclude<OpenAPIObjectConfigure<AppEnv, string>, (...args: never[]) => unknown>;

export function openApiInfo(origin: string): Document {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Socius Content API',
      version: '1.0.0',
      description:
        'Content of Socius, the support and expertise centre for socio-cultural adult work in Flanders and Brussels: ' +
        'the organisation profile, topics, services, analyses and events, in Dutch (default), English and French.\n\n' +
        'Pick a language with `?lang=` or `Accept-Language`; a field missing in that language falls back to Dutch and is listed ' +
        'in the item\'s `meta.fallback`. Errors are RFC 9457 `application/problem+json`.',
      license: { name: 'CC BY 4.0 (content)', url: 'https://creativecommons.org/licenses/by/4.0/' },
      contact: { name: 'Socius', url: 'https://socius.be', email: 'info@socius.be' },
    },
    servers: [{ url: origin, description: 'This server' }],
    tags: [
      { name: 'About', description: 'The organisation profile.' },
      { name: 'Events', description: 'Trainings, workshops, inspiration days and network meetings.' },
    ],
  };
}
