import type { SeedAbout } from '../types.ts';

export const about: SeedAbout = {
  slug: 'socius',
  website: 'https://socius.be',
  email: 'info@socius.be',
  socialLinks: [
    { network: 'linkedin', url: 'https://www.linkedin.com/company/socius' },
    { network: 'facebook', url: 'https://www.facebook.com/socius' },
    { network: 'instagram', url: 'https://www.instagram.com/socius' },
  ],
  name: {
    nl: 'Socius',
    en: 'Socius',
    fr: 'Socius',
  },
  tagline: {
    nl: 'Steunpunt voor sociaal-cultureel volwassenenwerk in Vlaanderen en Brussel',
    en: 'Support centre for socio-cultural adult work in Flanders and Brussels',
    fr: 'Centre d’appui au travail socioculturel pour adultes en Flandre et à Bruxelles',
  },
  mission: {
    nl: 'Socius versterkt middenveldorganisaties en de professionals die er werken, zodat hun engagement zoveel mogelijk bijdraagt aan een democratische, inclusieve, solidaire en duurzame samenleving. De vragen uit het werkveld sturen ons werk, maar we brengen ook zelf nieuwe ideeën en experimenten op tafel. Daarnaast slaan we bruggen naar andere sectoren, het onderwijs, het onderzoek en het beleid, en maken we zichtbaar wat sociaal-cultureel werkers dagelijks realiseren.',
    en: 'Socius strengthens civil society organisations and the professionals who work in them, so that their commitment contributes as much as possible to a democratic, inclusive, solidarity-based and sustainable society. Our work is driven by the questions organisations bring to us, but we also put new ideas and experiments on the table ourselves. We build bridges to other sectors, education, research and policy, and we make visible what socio-cultural workers achieve every day.',
    fr: 'Socius renforce les organisations de la société civile et les professionnels qui y travaillent, afin que leur engagement contribue le plus possible à une société démocratique, inclusive, solidaire et durable. Notre travail s’appuie sur les questions que nous adressent les organisations, mais nous mettons aussi nous-mêmes de nouvelles idées et expériences sur la table. Nous jetons des ponts vers d’autres secteurs, l’enseignement, la recherche et le monde politique, et nous rendons visible ce que les travailleurs socioculturels réalisent au quotidien.',
  },
  offer: {
    nl: 'We delen kennis en expertise via vormingen, workshops, inspiratiedagen en netwerkmomenten. Organisaties kunnen bij ons ook terecht voor begeleiding op maat, en we voeren onderzoek naar ontwikkelingen in het sociaal-cultureel werk. Thema’s waar we vaak rond werken zijn organisatieontwikkeling, communicatie, samenwerken met burgerinitiatieven, diversiteit, vrijwilligerswerk en gemeenschapsvorming.',
    en: 'We share knowledge and expertise through training courses, workshops, inspiration days and networking events. Organisations can also turn to us for tailor-made support, and we carry out research into developments in socio-cultural work. Recurring themes include organisational development, communication, working with citizen initiatives, diversity, volunteering and community building.',
    fr: 'Nous partageons nos connaissances et notre expertise à travers des formations, des ateliers, des journées d’inspiration et des rencontres de réseau. Les organisations peuvent aussi faire appel à nous pour un accompagnement sur mesure, et nous menons des recherches sur les évolutions du travail socioculturel. Nos thèmes récurrents sont le développement organisationnel, la communication, la collaboration avec les initiatives citoyennes, la diversité, le volontariat et le développement communautaire.',
  },
  stakeholders: {
    nl: 'We werken in de eerste plaats voor private, maatschappelijke initiatieven die activiteiten voor volwassenen organiseren: verenigingen, bewegingen en vormingsinstellingen die, los van overheid en markt, streven naar maatschappelijke verandering. Ze werken rond uiteenlopende thema’s, van duurzaamheid en deeleconomie tot participatie, solidariteit, mensenrechten en identiteit. Daarnaast richten we ons tot overheden, onderwijsmensen en onderzoekers die met het sociaal-cultureel werk te maken hebben.',
    en: 'Our first audience is private civic initiatives that organise activities for adults: associations, movements and adult education organisations that work for social change independently of government and the market. They focus on a wide range of themes, from sustainability and the sharing economy to participation, solidarity, human rights and identity. We also work with government bodies, educators and researchers with an interest in socio-cultural work.',
    fr: 'Nous travaillons avant tout pour des initiatives citoyennes privées qui organisent des activités pour adultes : associations, mouvements et organismes de formation qui œuvrent au changement social, indépendamment de l’État et du marché. Leurs thèmes sont très variés, de la durabilité et l’économie du partage à la participation, la solidarité, les droits humains et l’identité. Nous nous adressons aussi aux pouvoirs publics, aux enseignants et aux chercheurs concernés par le travail socioculturel.',
  },
  region: {
    nl: 'Vlaanderen en Brussel',
    en: 'Flanders and Brussels',
    fr: 'Flandre et Bruxelles',
  },
  subsidiser: {
    nl: 'Socius is een autonome organisatie, gesubsidieerd door de Vlaamse overheid, departement Cultuur.',
    en: 'Socius is an independent organisation funded by the Flemish government’s department of Culture.',
    fr: 'Socius est une organisation autonome subventionnée par le département de la Culture du gouvernement flamand.',
  },
};
