import type { AboutBody } from './schemas.ts';

export const aboutExample: AboutBody = {
  id: '367c3dc6-112f-40dd-a757-89667fe1cc67',
  slug: 'socius',
  url: 'https://api.socius.example/v1/about',
  links: { html: 'https://api.socius.example/en/about' },
  name: 'Socius',
  tagline: 'Support centre for socio-cultural adult work in Flanders and Brussels',
  mission:
    'Socius strengthens civil society organisations and the professionals who work in them, so that their commitment contributes as much as possible to a democratic, inclusive, solidarity-based and sustainable society.',
  offer:
    'We share knowledge and expertise through training courses, workshops, inspiration days and networking events. Organisations can also turn to us for tailor-made support, and we carry out research into developments in socio-cultural work.',
  stakeholders:
    'Our first audience is private civic initiatives that organise activities for adults: associations, movements and adult education organisations that work for social change independently of government and the market.',
  region: 'Flanders and Brussels',
  subsidiser: 'Socius is an independent organisation funded by the Flemish government’s department of Culture.',
  contact: { email: 'info@socius.be', phone: null, website: 'https://socius.be', address: null },
  socialLinks: [
    { network: 'linkedin', url: 'https://www.linkedin.com/company/socius' },
    { network: 'facebook', url: 'https://www.facebook.com/socius' },
  ],
  updatedAt: '2026-11-27T04:32:05+01:00',
  meta: { lang: 'en', fallback: [] },
};
