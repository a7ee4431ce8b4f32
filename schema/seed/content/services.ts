import type { SeedService } from '../types.ts';

export const services: SeedService[] = [
  {
    slug: 'vorming-vrijwilligersbeleid',
    format: 'training',
    topics: ['vrijwilligerswerk', 'organisatieontwikkeling'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Vorming: een sterk vrijwilligersbeleid',
      en: 'Training: building a strong volunteering policy',
      fr: 'Formation : une politique de volontariat solide',
    },
    summary: {
      nl: 'Een meerdelige vorming over hoe je vrijwilligers aantrekt, begeleidt en aan je organisatie bindt.',
      en: 'A multi-part training course on how to attract, support and retain volunteers.',
      fr: 'Une formation en plusieurs modules pour attirer, accompagner et fidéliser les volontaires.',
    },
    description: {
      nl: 'Vrijwilligers zijn de motor van veel verenigingen en bewegingen, maar hun engagement is vandaag vaker korter en flexibeler. In deze vorming bekijk je je vrijwilligersbeleid van werving tot afscheid. Je werkt met concrete instrumenten en vertrekt telkens van praktijkvoorbeelden uit je eigen organisatie. Na afloop heb je een actieplan dat je meteen kunt gebruiken.',
      en: 'Volunteers drive many associations and movements, but today their commitment is often shorter and more flexible. In this course you review your volunteering policy from recruitment to farewell. You work with practical tools and always start from examples taken from your own organisation. You leave with an action plan you can put to use straight away.',
      fr: 'Les volontaires sont le moteur de nombreuses associations et mouvements, mais leur engagement est aujourd’hui souvent plus court et plus flexible. Dans cette formation, vous passez en revue votre politique de volontariat, du recrutement jusqu’au départ. Vous travaillez avec des outils concrets, en partant chaque fois d’exemples tirés de votre propre organisation. Vous repartez avec un plan d’action directement utilisable.',
    },
    audience: {
      nl: 'Beroepskrachten en vrijwillige coördinatoren die vrijwilligers begeleiden.',
      en: 'Staff and volunteer coordinators who support volunteers.',
      fr: 'Professionnels et coordinateurs bénévoles qui encadrent des volontaires.',
    },
  },
  {
    slug: 'vorming-inclusief-werken',
    format: 'training',
    topics: ['diversiteit', 'identiteit', 'participatie'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Vorming: inclusief en divers werken',
      en: 'Training: working inclusively and with diversity',
      fr: 'Formation : travailler de manière inclusive et diversifiée',
    },
    summary: {
      nl: 'Leer drempels herkennen en je werking toegankelijker maken voor een breed en divers publiek.',
      en: 'Learn to recognise barriers and make your work more accessible to a broad and diverse public.',
      fr: 'Apprenez à repérer les obstacles et à rendre vos activités plus accessibles à un public large et diversifié.',
    },
    description: {
      nl: 'Veel organisaties willen een diverser publiek bereiken, maar weten niet goed waar te beginnen. Deze vorming helpt je om zichtbare en onzichtbare drempels in je aanbod, je communicatie en je team te benoemen. Je oefent met methodieken om mensen met verschillende achtergronden echt te betrekken, ook in de besluitvorming.',
      en: 'Many organisations want to reach a more diverse public but are unsure where to begin. This course helps you name the visible and invisible barriers in your activities, your communication and your team. You practise methods for genuinely involving people from different backgrounds, including in decision-making.',
      fr: 'Beaucoup d’organisations souhaitent toucher un public plus diversifié sans trop savoir par où commencer. Cette formation vous aide à identifier les obstacles visibles et invisibles dans votre offre, votre communication et votre équipe. Vous vous exercez à des méthodes pour impliquer réellement des personnes d’horizons différents, y compris dans les prises de décision.',
    },
    audience: {
      nl: 'Medewerkers, bestuursleden en vrijwilligers van sociaal-culturele organisaties.',
      en: 'Staff, board members and volunteers of socio-cultural organisations.',
      fr: 'Collaborateurs, administrateurs et volontaires d’organisations socioculturelles.',
    },
  },
  {
    slug: 'workshop-heldere-communicatie',
    format: 'workshop',
    topics: ['communicatie'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Workshop: helder communiceren over je werking',
      en: 'Workshop: communicating clearly about your work',
      fr: 'Atelier : communiquer clairement sur vos activités',
    },
    summary: {
      nl: 'Een praktische workshop om je boodschap scherp te stellen en de juiste kanalen te kiezen.',
      en: 'A hands-on workshop to sharpen your message and choose the right channels.',
      fr: 'Un atelier pratique pour affiner votre message et choisir les bons canaux.',
    },
    description: {
      nl: 'Wat doet je organisatie precies, en waarom zou iemand aansluiten? In deze workshop formuleer je een kernboodschap die iedereen begrijpt. Je gaat aan de slag met eenvoudige tools voor sociale media, nieuwsbrieven en persberichten, afgestemd op de beperkte tijd van een kleine ploeg.',
      en: 'What exactly does your organisation do, and why would anyone join? In this workshop you put together a core message that everyone understands. You get to work with simple tools for social media, newsletters and press releases, tailored to the limited time of a small team.',
      fr: 'Que fait exactement votre organisation, et pourquoi quelqu’un voudrait-il la rejoindre ? Dans cet atelier, vous formulez un message clé compréhensible par tous. Vous découvrez des outils simples pour les réseaux sociaux, les newsletters et les communiqués de presse, adaptés au temps limité d’une petite équipe.',
    },
    audience: {
      nl: 'Iedereen die in een vereniging of beweging de communicatie (mee) verzorgt.',
      en: 'Anyone who handles or helps with communication in an association or movement.',
      fr: 'Toute personne qui s’occupe, seule ou en équipe, de la communication d’une association ou d’un mouvement.',
    },
  },
  {
    slug: 'inspiratiedag-middenveld',
    format: 'inspiration-day',
    topics: ['gemeenschapsvorming', 'burgerinitiatieven', 'duurzaamheid'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Inspiratiedag voor het middenveld',
      en: 'Civil society inspiration day',
      fr: 'Journée d’inspiration pour la société civile',
    },
    summary: {
      nl: 'Een dag vol praktijkverhalen, gesprekken en nieuwe ideeën voor wie maatschappelijk actief is.',
      en: 'A day full of stories from practice, conversations and fresh ideas for anyone engaged in civil society.',
      fr: 'Une journée riche en témoignages de terrain, en échanges et en idées nouvelles pour toutes celles et ceux qui s’engagent.',
    },
    description: {
      nl: 'Op onze inspiratiedagen brengen we organisaties, burgerinitiatieven, onderzoekers en beleidsmakers samen rond een actueel thema. Korte lezingen wisselen af met werksessies en bezoeken aan initiatieven in de buurt. Je gaat naar huis met nieuwe contacten en ideeën om zelf uit te proberen.',
      en: 'Our inspiration days bring organisations, citizen initiatives, researchers and policymakers together around a topical theme. Short talks alternate with working sessions and visits to local initiatives. You go home with new contacts and ideas to try out yourself.',
      fr: 'Nos journées d’inspiration réunissent organisations, initiatives citoyennes, chercheurs et décideurs autour d’un thème d’actualité. De courtes interventions alternent avec des ateliers et des visites d’initiatives locales. Vous repartez avec de nouveaux contacts et des idées à expérimenter.',
    },
    audience: {
      nl: 'Sociaal-cultureel werkers, vrijwilligers, burgerinitiatieven en iedereen die met het middenveld samenwerkt.',
      en: 'Socio-cultural workers, volunteers, citizen initiatives and anyone who works with civil society.',
      fr: 'Travailleurs socioculturels, volontaires, initiatives citoyennes et toute personne qui collabore avec la société civile.',
    },
  },
  {
    slug: 'lerend-netwerk-burgerinitiatieven',
    format: 'network',
    topics: ['burgerinitiatieven', 'gemeenschapsvorming', 'deeleconomie'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Lerend netwerk burgerinitiatieven',
      en: 'Learning network on citizen initiatives',
      fr: 'Réseau apprenant sur les initiatives citoyennes',
    },
    summary: {
      nl: 'Een netwerk waarin professionals ervaringen uitwisselen over samenwerken met burgerinitiatieven.',
      en: 'A network in which professionals share experiences of working with citizen initiatives.',
      fr: 'Un réseau où des professionnels échangent leurs expériences de collaboration avec des initiatives citoyennes.',
    },
    description: {
      nl: 'Burgers zetten steeds vaker zelf projecten op, van deelkasten tot buurtmoestuinen. Hoe verhoud je je daar als organisatie toe? In dit lerend netwerk komen deelnemers een aantal keer per jaar samen om casussen te bespreken, knelpunten te delen en van elkaar te leren.',
      en: 'Citizens are increasingly setting up projects of their own, from sharing cupboards to community gardens. How should your organisation relate to them? In this learning network, participants meet several times a year to discuss cases, share bottlenecks and learn from one another.',
      fr: 'Les citoyens lancent de plus en plus souvent leurs propres projets, des armoires de partage aux potagers de quartier. Comment votre organisation peut-elle s’y situer ? Dans ce réseau apprenant, les participants se réunissent plusieurs fois par an pour discuter de cas concrets, partager leurs difficultés et apprendre les uns des autres.',
    },
    audience: {
      nl: 'Beroepskrachten uit het sociaal-cultureel werk, lokale besturen en welzijnsorganisaties.',
      en: 'Professionals from socio-cultural work, local authorities and welfare organisations.',
      fr: 'Professionnels du secteur socioculturel, des pouvoirs locaux et des organisations d’aide sociale.',
    },
  },
  {
    slug: 'begeleiding-op-maat',
    format: 'tailor-made-support',
    topics: ['organisatieontwikkeling', 'diversiteit', 'vrijwilligerswerk'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Begeleiding op maat',
      en: 'Tailor-made support',
      fr: 'Accompagnement sur mesure',
    },
    summary: {
      nl: 'Persoonlijke ondersteuning voor je organisatie bij een concrete vraag of veranderingstraject.',
      en: 'Personal support for your organisation with a specific question or change process.',
      fr: 'Un soutien personnalisé pour votre organisation face à une question précise ou un processus de changement.',
    },
    description: {
      nl: 'Sta je voor een nieuwe beleidsplanning, een fusie of een herschikking van je team? Samen met jou bekijken we wat je organisatie nodig heeft en stellen we een traject op maat samen. Dat kan gaan van één adviesgesprek tot een begeleiding over meerdere maanden.',
      en: 'Are you facing a new policy plan, a merger or a reorganisation of your team? Together we look at what your organisation needs and put together a tailor-made process. This can range from a single advice session to support spread over several months.',
      fr: 'Vous préparez un nouveau plan stratégique, une fusion ou une réorganisation de votre équipe ? Ensemble, nous examinons les besoins de votre organisation et construisons un parcours sur mesure. Cela peut aller d’un seul entretien-conseil à un accompagnement de plusieurs mois.',
    },
    audience: {
      nl: 'Directies, coördinatoren en besturen van sociaal-culturele organisaties.',
      en: 'Directors, coordinators and boards of socio-cultural organisations.',
      fr: 'Directions, coordinateurs et conseils d’administration d’organisations socioculturelles.',
    },
  },
  {
    slug: 'onderzoek-en-analyse',
    format: 'research',
    topics: ['participatie', 'solidariteit', 'mensenrechten'],
    contactEmail: 'info@socius.be',
    title: {
      nl: 'Onderzoek en analyse',
      en: 'Research and analysis',
      fr: 'Recherche et analyse',
    },
    summary: {
      nl: 'We brengen ontwikkelingen in het sociaal-cultureel volwassenenwerk in kaart en delen wat we leren.',
      en: 'We map developments in socio-cultural adult work and share what we learn.',
      fr: 'Nous analysons les évolutions du travail socioculturel pour adultes et partageons nos enseignements.',
    },
    description: {
      nl: 'Hoe kijken organisaties naar de samenleving en welke rol willen ze daarin spelen? Via bevragingen, gesprekken en literatuurstudie onderzoeken we trends in het middenveld. De resultaten publiceren we als analyses en vertalen we naar vorming en ondersteuning.',
      en: 'How do organisations view society, and what role do they want to play in it? Through surveys, interviews and literature reviews we study trends in civil society. We publish the results as analyses and translate them into training and support.',
      fr: 'Comment les organisations perçoivent-elles la société et quel rôle veulent-elles y jouer ? Au moyen d’enquêtes, d’entretiens et d’études de la littérature, nous étudions les tendances de la société civile. Nous publions les résultats sous forme d’analyses et les traduisons en formations et en accompagnement.',
    },
    audience: {
      nl: 'Sociaal-culturele organisaties, beleidsmakers, onderzoekers en onderwijsinstellingen.',
      en: 'Socio-cultural organisations, policymakers, researchers and educational institutions.',
      fr: 'Organisations socioculturelles, décideurs politiques, chercheurs et établissements d’enseignement.',
    },
  },
];
