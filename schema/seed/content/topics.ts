import type { SeedTopic } from '../types.ts';

export const topics: SeedTopic[] = [
  {
    slug: 'organisatieontwikkeling',
    name: { nl: 'Organisatieontwikkeling', en: 'Organisational development', fr: 'Développement organisationnel' },
    description: {
      nl: 'Hoe een organisatie haar koers, structuur en werking bijstuurt zodat ze wendbaar blijft en haar missie waarmaakt.',
      en: 'How an organisation adjusts its direction, structure and way of working so that it stays agile and lives up to its mission.',
      fr: 'Comment une organisation ajuste son cap, sa structure et son fonctionnement pour rester agile et réaliser sa mission.',
    },
  },
  {
    slug: 'communicatie',
    name: { nl: 'Communicatie', en: 'Communication', fr: 'Communication' },
    description: {
      nl: 'Je verhaal helder vertellen aan deelnemers, vrijwilligers, partners en beleidsmakers, online en offline.',
      en: 'Telling your story clearly to participants, volunteers, partners and policymakers, online and offline.',
      fr: 'Raconter clairement votre histoire aux participants, aux volontaires, aux partenaires et aux décideurs, en ligne comme hors ligne.',
    },
  },
  {
    slug: 'burgerinitiatieven',
    name: { nl: 'Burgerinitiatieven', en: 'Citizen initiatives', fr: 'Initiatives citoyennes' },
    description: {
      nl: 'Samenwerken met groepen burgers die zelf iets op poten zetten, en hen ondersteunen zonder het over te nemen.',
      en: 'Working with groups of citizens who start something themselves, and supporting them without taking over.',
      fr: 'Collaborer avec des groupes de citoyens qui lancent leurs propres projets, et les soutenir sans prendre leur place.',
    },
  },
  {
    slug: 'diversiteit',
    name: { nl: 'Diversiteit', en: 'Diversity', fr: 'Diversité' },
    description: {
      nl: 'Een werking uitbouwen waarin mensen met verschillende achtergronden zich welkom voelen en mee het verschil maken.',
      en: 'Building an organisation where people from different backgrounds feel welcome and help make a difference.',
      fr: 'Construire une organisation où des personnes d’horizons différents se sentent les bienvenues et contribuent pleinement.',
    },
  },
  {
    slug: 'vrijwilligerswerk',
    name: { nl: 'Vrijwilligerswerk', en: 'Volunteering', fr: 'Volontariat' },
    description: {
      nl: 'Vrijwilligers vinden, ondersteunen en waarderen, en een vrijwilligersbeleid uitwerken dat past bij je organisatie.',
      en: 'Finding, supporting and valuing volunteers, and developing a volunteering policy that suits your organisation.',
      fr: 'Trouver, soutenir et valoriser les volontaires, et élaborer une politique de volontariat adaptée à votre organisation.',
    },
  },
  {
    slug: 'gemeenschapsvorming',
    name: { nl: 'Gemeenschapsvorming', en: 'Community development', fr: 'Développement communautaire' },
    description: {
      nl: 'Mensen en groepen met elkaar verbinden, zodat er in buurten en gemeenschappen duurzame banden ontstaan.',
      en: 'Connecting people and groups so that lasting ties grow within neighbourhoods and communities.',
      fr: 'Relier les personnes et les groupes pour que des liens durables se tissent dans les quartiers et les communautés.',
    },
  },
  {
    slug: 'duurzaamheid',
    name: { nl: 'Duurzaamheid', en: 'Sustainability', fr: 'Durabilité' },
    description: {
      nl: 'Hoe sociaal-culturele organisaties de ecologische transitie mee vormgeven, in hun aanbod en in hun eigen werking.',
      en: 'How socio-cultural organisations help shape the ecological transition, both in what they offer and in how they operate.',
      fr: 'Comment les organisations socioculturelles contribuent à la transition écologique, dans leur offre comme dans leur propre fonctionnement.',
    },
  },
  {
    slug: 'deeleconomie',
    name: { nl: 'Deeleconomie', en: 'Sharing economy', fr: 'Économie du partage' },
    description: {
      nl: 'Initiatieven waarin mensen spullen, ruimte, tijd of kennis met elkaar delen in plaats van alles zelf te bezitten.',
      en: 'Initiatives in which people share goods, space, time or knowledge rather than owning everything themselves.',
      fr: 'Des initiatives où les gens partagent des biens, des espaces, du temps ou des savoirs plutôt que de tout posséder eux-mêmes.',
    },
  },
  {
    slug: 'participatie',
    name: { nl: 'Participatie', en: 'Participation', fr: 'Participation' },
    description: {
      nl: 'Sociale en culturele participatie: drempels wegwerken zodat iedereen kan deelnemen aan het maatschappelijke en culturele leven.',
      en: 'Social and cultural participation: removing barriers so that everyone can take part in social and cultural life.',
      fr: 'Participation sociale et culturelle : lever les obstacles pour que chacun puisse prendre part à la vie sociale et culturelle.',
    },
  },
  {
    slug: 'solidariteit',
    name: { nl: 'Solidariteit', en: 'Solidarity', fr: 'Solidarité' },
    description: {
      nl: 'Samen opkomen voor wie het moeilijker heeft, dichtbij en ver weg, en daar als organisatie een stem in zijn.',
      en: 'Standing up together for those who are struggling, close to home and far away, and giving that a voice as an organisation.',
      fr: 'Se mobiliser ensemble pour celles et ceux qui sont en difficulté, ici et ailleurs, et porter cette voix en tant qu’organisation.',
    },
  },
  {
    slug: 'mensenrechten',
    name: { nl: 'Mensenrechten', en: 'Human rights', fr: 'Droits humains' },
    description: {
      nl: 'Mensenrechten als kompas voor maatschappelijk engagement, van bewustmaking tot kritisch signaleren.',
      en: 'Human rights as a compass for civic engagement, from raising awareness to speaking out critically.',
      fr: 'Les droits humains comme boussole de l’engagement citoyen, de la sensibilisation à l’interpellation critique.',
    },
  },
  {
    slug: 'identiteit',
    name: { nl: 'Identiteit', en: 'Identity', fr: 'Identité' },
    description: {
      nl: 'Hoe mensen en groepen zich verhouden tot hun afkomst, overtuiging, taal en cultuur, en hoe organisaties daar ruimte voor maken.',
      en: 'How people and groups relate to their origins, beliefs, language and culture, and how organisations make room for that.',
      fr: 'Comment les personnes et les groupes se situent par rapport à leurs origines, convictions, langue et culture, et comment les organisations leur font place.',
    },
  },
];
