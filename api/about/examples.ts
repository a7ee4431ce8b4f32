import type { AboutBody, EditableAbout } from './schemas.ts';

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

export const editableAboutExample: EditableAbout = {
  id: '0b8f5a4e-6c2d-4e1f-9a3b-7d5c1e2f4a60',
  slug: 'socius',
  status: 'published',
  version: 4,
  publishAt: null,
  unpublishAt: null,
  createdAt: '2026-11-02T10:15:00+01:00',
  updatedAt: '2026-11-30T14:05:12+01:00',
  email: 'info@socius.be',
  phone: '+32 2 215 30 39',
  website: 'https://socius.be',
  street: 'Gallaitstraat 86 bus 7',
  postalCode: '1030',
  city: 'Schaarbeek',
  country: 'BE',
  socialLinks: [{ network: 'linkedin', url: 'https://www.linkedin.com/company/socius' }],
  translations: {
    nl: {
      name: 'Socius',
      tagline: 'Steunpunt sociaal-cultureel volwassenenwerk',
      mission: null,
      offer: null,
      stakeholders: null,
      region: 'Vlaanderen en Brussel',
      subsidiser: 'Vlaamse overheid',
    },
  },
};
