import type { SeedAnalysis } from '../types.ts';

export const analyses: SeedAnalysis[] = [
  // Flagship: the analysis named on socius.be. The source does not list the ten flows themselves, so the
  // sections below describe the questions and approach in general terms and never name individual flows.
  {
    slug: 'tien-stromingen-in-het-middenveld',
    publishedDaysAgo: 400,
    revisedDaysAgo: 90,
    licence: 'CC-BY-4.0',
    topics: ['participatie', 'gemeenschapsvorming', 'solidariteit', 'organisatieontwikkeling'],
    title: {
      nl: 'Tien stromingen uit het middenveld in Vlaanderen en Brussel',
      en: 'Ten flows from civil society in Flanders and Brussels',
      fr: 'Dix courants de la société civile en Flandre et à Bruxelles',
    },
    summary: {
      nl: 'Hoe kijken sociaal-culturele organisaties naar de samenleving, welke plek nemen ze daarin in, wat willen ze bereiken en hoe pakken ze dat aan? Deze analyse brengt het sociaal-cultureel volwassenenwerk in Vlaanderen en Brussel in beeld aan de hand van tien stromingen.',
      en: 'How do socio-cultural organisations see society, where do they stand in it, what do they want to achieve and how do they go about it? This analysis portrays socio-cultural adult work in Flanders and Brussels through ten flows.',
      fr: 'Comment les organisations socioculturelles voient-elles la société, quelle place y occupent-elles, que veulent-elles accomplir et comment s’y prennent-elles ? Cette analyse dresse le portrait du travail socioculturel pour adultes en Flandre et à Bruxelles à travers dix courants.',
    },
    authors: [{ name: 'Socius', affiliation: 'Socius' }],
    sections: [
      {
        anchor: 'inleiding',
        heading: { nl: 'Inleiding', en: 'Introduction', fr: 'Introduction' },
        body: {
          nl: '<p>Het sociaal-cultureel volwassenenwerk is een breed en gevarieerd landschap. Verenigingen, bewegingen en vormingsinstellingen werken rond heel uiteenlopende thema’s en doen dat op heel verschillende manieren. Wat hen verbindt, is dat ze als burgers samen, los van overheid en markt, werken aan een betere samenleving.</p><p>Met deze analyse willen we die verscheidenheid beter begrijpen. We stellen vier eenvoudige vragen: <strong>hoe kijken organisaties naar de samenleving</strong>, <strong>hoe positioneren ze zich</strong>, <strong>welke ambities hebben ze</strong> en <strong>hoe willen ze die waarmaken</strong>?</p><p>De antwoorden bundelen we in tien stromingen. Een stroming is geen vakje waarin een organisatie past, maar een beweging die door het veld loopt. Eén organisatie kan dus deel hebben aan meerdere stromingen tegelijk.</p>',
          en: '<p>Socio-cultural adult work is a broad and varied landscape. Associations, movements and adult education organisations work on very different themes and in very different ways. What they share is that citizens join forces, independently of government and the market, to build a better society.</p><p>This analysis sets out to understand that variety better. We ask four simple questions: <strong>how do organisations see society</strong>, <strong>how do they position themselves</strong>, <strong>what are their ambitions</strong> and <strong>how do they intend to achieve them</strong>?</p><p>We bring the answers together in ten flows. A flow is not a box that an organisation fits into, but a movement that runs through the field. A single organisation can therefore be part of several flows at once.</p>',
          fr: '<p>Le travail socioculturel pour adultes forme un paysage large et varié. Associations, mouvements et organismes de formation travaillent sur des thèmes très divers et de manières très différentes. Ce qui les unit, c’est que des citoyens s’associent, indépendamment de l’État et du marché, pour construire une société meilleure.</p><p>Cette analyse vise à mieux comprendre cette diversité. Nous posons quatre questions simples : <strong>comment les organisations voient-elles la société</strong>, <strong>comment se positionnent-elles</strong>, <strong>quelles sont leurs ambitions</strong> et <strong>comment comptent-elles les réaliser</strong> ?</p><p>Nous regroupons les réponses en dix courants. Un courant n’est pas une case dans laquelle une organisation s’inscrit, mais un mouvement qui traverse le secteur. Une même organisation peut donc participer à plusieurs courants à la fois.</p>',
        },
      },
      {
        anchor: 'aanpak',
        heading: { nl: 'Aanpak', en: 'Approach', fr: 'Démarche' },
        body: {
          nl: '<p>We vertrokken van wat organisaties zelf over hun werk zeggen. Daarvoor lazen we beleidsdocumenten en gingen we in gesprek met medewerkers, vrijwilligers en bestuursleden uit het hele werkveld.</p><p>In die verhalen zochten we naar patronen: opvattingen en keuzes die bij verschillende organisaties terugkomen, ook al werken ze rond andere thema’s. Die patronen legden we vervolgens opnieuw voor aan mensen uit de praktijk, om te toetsen of ze zich erin herkenden.</p><p>De analyse is dus geen rangschikking en geen evaluatie. Ze wil een spiegel zijn waarin organisaties hun eigen koers kunnen bekijken en vergelijken met die van anderen.</p>',
          en: '<p>We started from what organisations say about their own work. To do so, we read policy documents and talked with staff, volunteers and board members from across the field.</p><p>In those accounts we looked for patterns: views and choices that recur across different organisations, even when they work on different themes. We then put these patterns back to practitioners to check whether they recognised themselves in them.</p><p>The analysis is therefore neither a ranking nor an evaluation. It is meant as a mirror in which organisations can look at their own course and compare it with that of others.</p>',
          fr: '<p>Nous sommes partis de ce que les organisations disent elles-mêmes de leur travail. Pour cela, nous avons lu des documents stratégiques et dialogué avec des collaborateurs, des volontaires et des administrateurs de tout le secteur.</p><p>Dans ces récits, nous avons cherché des constantes : des visions et des choix qui reviennent d’une organisation à l’autre, même lorsqu’elles travaillent sur des thèmes différents. Nous avons ensuite soumis ces constantes à des praticiens pour vérifier qu’ils s’y reconnaissaient.</p><p>L’analyse n’est donc ni un classement ni une évaluation. Elle se veut un miroir dans lequel les organisations peuvent examiner leur propre trajectoire et la comparer à celle des autres.</p>',
        },
      },
      {
        anchor: 'kijk-op-de-samenleving',
        heading: {
          nl: 'Hoe organisaties naar de samenleving kijken',
          en: 'How organisations see society',
          fr: 'Le regard des organisations sur la société',
        },
        body: {
          nl: '<p>Organisaties zijn het erover eens dat de samenleving snel verandert. Ze zien toenemende ongelijkheid, verharding van het maatschappelijk debat, de druk van de klimaatverandering en een digitalisering die niet iedereen meekrijgt.</p><p>Toch overheerst geen somber beeld. Veel organisaties zien net in die uitdagingen een reden om mensen samen te brengen. Ze geloven dat burgers die elkaar ontmoeten, samen leren en samen actie ondernemen, het verschil kunnen maken.</p><p>De accenten verschillen wel. Sommige organisaties leggen de nadruk op wat misloopt en willen dat aanklagen; andere vertrekken vooral van wat al werkt en willen dat versterken.</p>',
          en: '<p>Organisations agree that society is changing fast. They see growing inequality, a hardening public debate, the pressure of climate change and a digital shift that not everyone can keep up with.</p><p>Even so, the picture is not a gloomy one. Many organisations see these very challenges as a reason to bring people together. They believe that citizens who meet, learn together and act together can make a difference.</p><p>The emphasis does vary. Some organisations focus on what is going wrong and want to denounce it; others start mainly from what already works and want to strengthen it.</p>',
          fr: '<p>Les organisations s’accordent à dire que la société change rapidement. Elles constatent une montée des inégalités, un durcissement du débat public, la pression du changement climatique et une numérisation que tout le monde ne parvient pas à suivre.</p><p>Le tableau n’est pas sombre pour autant. Beaucoup d’organisations voient justement dans ces défis une raison de rassembler les gens. Elles sont convaincues que des citoyens qui se rencontrent, apprennent ensemble et agissent ensemble peuvent faire la différence.</p><p>Les accents diffèrent toutefois. Certaines organisations mettent l’accent sur ce qui ne va pas et veulent le dénoncer ; d’autres partent surtout de ce qui fonctionne déjà et veulent le renforcer.</p>',
        },
      },
      {
        anchor: 'positionering',
        heading: {
          nl: 'Hoe organisaties zich positioneren',
          en: 'How organisations position themselves',
          fr: 'Comment les organisations se positionnent',
        },
        body: {
          nl: '<p>Sociaal-culturele organisaties nemen een eigen plek in tussen overheid, markt en de private sfeer van gezin en vrienden. Vanuit die plek vervullen ze verschillende rollen, die vaak door elkaar lopen:</p><ul><li>ze <strong>verbinden</strong> mensen en groepen met elkaar;</li><li>ze laten een <strong>kritische stem</strong> horen in het publieke debat;</li><li>ze bieden <strong>leerkansen</strong> aan volwassenen;</li><li>ze <strong>experimenteren</strong> met nieuwe vormen en ideeën.</li></ul><p>Hoe een organisatie die rollen combineert, zegt veel over haar positie. De ene ziet zichzelf vooral als partner van de overheid, de andere bewaakt net een kritische afstand. De stromingen in deze analyse maken die verschillende posities zichtbaar.</p>',
          en: '<p>Socio-cultural organisations occupy a place of their own between government, the market and the private sphere of family and friends. From that place they play several roles, which often overlap:</p><ul><li>they <strong>connect</strong> people and groups;</li><li>they raise a <strong>critical voice</strong> in public debate;</li><li>they offer <strong>learning opportunities</strong> to adults;</li><li>they <strong>experiment</strong> with new forms and ideas.</li></ul><p>How an organisation combines these roles says a lot about its position. One sees itself mainly as a partner of government, another deliberately keeps a critical distance. The flows in this analysis make those different positions visible.</p>',
          fr: '<p>Les organisations socioculturelles occupent une place propre entre l’État, le marché et la sphère privée de la famille et des amis. Depuis cette place, elles jouent plusieurs rôles, qui se recoupent souvent :</p><ul><li>elles <strong>relient</strong> les personnes et les groupes ;</li><li>elles font entendre une <strong>voix critique</strong> dans le débat public ;</li><li>elles offrent des <strong>occasions d’apprendre</strong> aux adultes ;</li><li>elles <strong>expérimentent</strong> de nouvelles formes et de nouvelles idées.</li></ul><p>La manière dont une organisation combine ces rôles en dit long sur sa position. L’une se voit surtout comme partenaire des pouvoirs publics, l’autre garde délibérément une distance critique. Les courants de cette analyse rendent ces différentes positions visibles.</p>',
        },
      },
      {
        anchor: 'ambities-en-strategieen',
        heading: {
          nl: 'Ambities en strategieën',
          en: 'Ambitions and strategies',
          fr: 'Ambitions et stratégies',
        },
        body: {
          nl: '<p>De ambities van organisaties zijn groot: ze willen bijdragen aan een samenleving die democratischer, inclusiever, solidairder en duurzamer is. Hoe ze dat doen, loopt sterk uiteen.</p><p>Sommige organisaties zetten in op brede bewustmaking en beleidsbeïnvloeding. Andere werken liever kleinschalig en lokaal, dicht bij de leefwereld van hun deelnemers. Nog andere zoeken bewust de samenwerking op met burgerinitiatieven, scholen, onderzoekers of organisaties uit andere sectoren.</p><blockquote><p>Wat opvalt, is dat organisaties hun strategie steeds vaker samen met hun deelnemers en vrijwilligers bepalen, in plaats van ze enkel voor hen uit te werken.</p></blockquote>',
          en: '<p>Organisations have big ambitions: they want to help build a society that is more democratic, more inclusive, more supportive and more sustainable. How they go about it varies widely.</p><p>Some organisations focus on broad awareness-raising and on influencing policy. Others prefer to work on a small scale and locally, close to the daily lives of their participants. Others again deliberately seek out cooperation with citizen initiatives, schools, researchers or organisations from other sectors.</p><blockquote><p>What stands out is that organisations increasingly shape their strategy together with their participants and volunteers, rather than simply designing it for them.</p></blockquote>',
          fr: '<p>Les ambitions des organisations sont grandes : elles veulent contribuer à une société plus démocratique, plus inclusive, plus solidaire et plus durable. La manière d’y parvenir varie fortement.</p><p>Certaines organisations misent sur une sensibilisation large et sur l’influence politique. D’autres préfèrent travailler à petite échelle et au niveau local, au plus près du quotidien de leurs participants. D’autres encore recherchent délibérément la collaboration avec des initiatives citoyennes, des écoles, des chercheurs ou des organisations d’autres secteurs.</p><blockquote><p>On remarque que les organisations définissent de plus en plus leur stratégie avec leurs participants et leurs volontaires, plutôt que de l’élaborer uniquement pour eux.</p></blockquote>',
        },
      },
      {
        anchor: 'conclusies',
        heading: { nl: 'Conclusies', en: 'Conclusions', fr: 'Conclusions' },
        body: {
          nl: '<p>De tien stromingen tonen een werkveld dat volop in beweging is en dat zijn maatschappelijke rol ernstig neemt. Net die verscheidenheid is een sterkte: ze zorgt ervoor dat heel verschillende mensen een plek vinden om zich te engageren.</p><p>Voor organisaties kan de analyse een vertrekpunt zijn voor een gesprek over hun eigen koers. Voor beleidsmakers, onderwijs en onderzoek biedt ze een beter zicht op wat het sociaal-cultureel volwassenenwerk vandaag beweegt.</p><p>Socius gebruikt de inzichten uit deze analyse in zijn vormingen, netwerken en begeleidingen. Wil je ermee aan de slag in je eigen organisatie? Neem dan contact met ons op.</p>',
          en: '<p>The ten flows show a field that is very much on the move and takes its role in society seriously. That very diversity is a strength: it means that very different people can find a place to get involved.</p><p>For organisations, the analysis can be a starting point for a conversation about their own course. For policymakers, education and research, it offers a clearer view of what drives socio-cultural adult work today.</p><p>Socius uses the insights from this analysis in its training, networks and support. Would you like to work with it in your own organisation? Get in touch with us.</p>',
          fr: '<p>Les dix courants dessinent un secteur en pleine évolution, qui prend son rôle social au sérieux. Cette diversité est justement une force : elle permet à des personnes très différentes de trouver un lieu où s’engager.</p><p>Pour les organisations, l’analyse peut servir de point de départ à une réflexion sur leur propre trajectoire. Pour les décideurs, l’enseignement et la recherche, elle offre une vision plus claire de ce qui anime aujourd’hui le travail socioculturel pour adultes.</p><p>Socius utilise les enseignements de cette analyse dans ses formations, ses réseaux et ses accompagnements. Vous souhaitez l’exploiter dans votre organisation ? Prenez contact avec nous.</p>',
        },
      },
    ],
    attachments: [
      {
        lang: 'nl',
        title: 'Tien stromingen uit het middenveld in Vlaanderen en Brussel (pdf)',
        url: 'https://socius.be/wp-content/uploads/tien-stromingen-uit-het-middenveld-sample.pdf',
        mediaType: 'application/pdf',
        byteSize: 2_457_600,
      },
      {
        lang: 'fr',
        title: 'Dix courants de la société civile en Flandre et à Bruxelles (pdf)',
        url: 'https://socius.be/wp-content/uploads/dix-courants-de-la-societe-civile-sample.pdf',
        mediaType: 'application/pdf',
        byteSize: 2_311_168,
      },
    ],
  },

  // Sample content from here on.
  {
    slug: 'vrijwilligerswerk-na-de-pandemie',
    publishedDaysAgo: 160,
    licence: 'CC-BY-4.0',
    topics: ['vrijwilligerswerk', 'organisatieontwikkeling'],
    title: {
      nl: 'Vrijwilligerswerk na de pandemie: korter, flexibeler, even betrokken',
      en: 'Volunteering after the pandemic: shorter, more flexible, just as committed',
      fr: 'Le volontariat après la pandémie : plus court, plus flexible, tout aussi engagé',
    },
    summary: {
      nl: 'Een verkenning van hoe het engagement van vrijwilligers veranderd is sinds de coronacrisis en wat dat betekent voor verenigingen. (voorbeeldinhoud)',
      en: 'An exploration of how volunteer commitment has changed since the COVID-19 crisis and what that means for associations. (sample content)',
      fr: 'Une exploration de l’évolution de l’engagement des volontaires depuis la crise du coronavirus et de ce que cela implique pour les associations. (contenu d’exemple)',
    },
    authors: [{ name: 'Redactie Socius' }],
    sections: [
      {
        anchor: 'wat-veranderde',
        heading: { nl: 'Wat veranderde er?', en: 'What changed?', fr: 'Qu’est-ce qui a changé ?' },
        body: {
          nl: '<p>Tijdens de lockdowns vielen veel activiteiten stil. Een deel van de vrijwilligers kwam daarna niet meer terug, terwijl anderen net nieuwe manieren vonden om zich in te zetten, bijvoorbeeld in buurthulp of online.</p><p>Verenigingen merken vooral dat mensen minder snel een vaste taak voor lange tijd opnemen. Engagement wordt vaker per project of per seizoen bekeken.</p>',
          en: '<p>During the lockdowns many activities came to a standstill. Some volunteers never came back afterwards, while others found new ways to get involved, for example in neighbourhood help or online.</p><p>Above all, associations notice that people are less quick to take on a fixed role for a long time. Commitment is more often considered project by project or season by season.</p>',
          fr: '<p>Pendant les confinements, de nombreuses activités se sont arrêtées. Une partie des volontaires n’est jamais revenue, tandis que d’autres ont trouvé de nouvelles façons de s’engager, par exemple dans l’entraide de quartier ou en ligne.</p><p>Les associations constatent surtout que les gens s’engagent moins facilement dans une tâche fixe sur une longue durée. L’engagement se conçoit plus souvent par projet ou par saison.</p>',
        },
      },
      {
        anchor: 'nieuwe-vormen-van-engagement',
        heading: {
          nl: 'Nieuwe vormen van engagement',
          en: 'New forms of commitment',
          fr: 'De nouvelles formes d’engagement',
        },
        body: {
          nl: '<p>Kortlopend vrijwilligerswerk is geen teken van minder betrokkenheid. Wie een afgebakende opdracht krijgt, zet zich vaak met veel energie in. Het vraagt wel een andere aanpak van de organisatie.</p><ul><li>Maak taken overzichtelijk en beschrijf duidelijk wat je verwacht.</li><li>Bied verschillende instapniveaus aan, van een eenmalige hand tot een rol in het bestuur.</li><li>Zorg voor een warme ontvangst en een even warm afscheid.</li></ul><p>Organisaties die zo werken, zien dat vrijwilligers makkelijker terugkomen voor een volgend project.</p>',
          en: '<p>Short-term volunteering is not a sign of weaker commitment. People given a clearly defined task often put a lot of energy into it. It does, however, call for a different approach from the organisation.</p><ul><li>Keep tasks manageable and describe clearly what you expect.</li><li>Offer different entry levels, from a one-off helping hand to a seat on the board.</li><li>Make sure people get a warm welcome and an equally warm farewell.</li></ul><p>Organisations that work this way find that volunteers come back more readily for the next project.</p>',
          fr: '<p>Le volontariat de courte durée n’est pas le signe d’un engagement moindre. Les personnes à qui l’on confie une mission bien délimitée s’y investissent souvent avec beaucoup d’énergie. Cela demande toutefois une autre approche de la part de l’organisation.</p><ul><li>Rendez les tâches lisibles et décrivez clairement vos attentes.</li><li>Proposez différents niveaux d’engagement, du coup de main ponctuel à un rôle au conseil d’administration.</li><li>Veillez à un accueil chaleureux et à un départ tout aussi chaleureux.</li></ul><p>Les organisations qui travaillent ainsi constatent que les volontaires reviennent plus volontiers pour un projet suivant.</p>',
        },
      },
      {
        anchor: 'aanbevelingen',
        heading: { nl: 'Aanbevelingen', en: 'Recommendations', fr: 'Recommandations' },
        body: {
          nl: '<p>Bekijk je vrijwilligersbeleid met een frisse blik: welke taken kunnen korter of flexibeler, en wie in je organisatie volgt de vrijwilligers op?</p><p>Durf ook te vragen wat vrijwilligers zelf willen. Een kort gesprek bij de start en na afloop levert vaak meer op dan een uitgebreide enquête.</p>',
          en: '<p>Take a fresh look at your volunteering policy: which tasks could be shorter or more flexible, and who in your organisation looks after the volunteers?</p><p>Don’t be afraid to ask volunteers what they want themselves. A short conversation at the start and at the end often yields more than an elaborate survey.</p>',
          fr: '<p>Portez un regard neuf sur votre politique de volontariat : quelles tâches pourraient être plus courtes ou plus flexibles, et qui, dans votre organisation, assure le suivi des volontaires ?</p><p>Osez aussi demander aux volontaires ce qu’ils souhaitent eux-mêmes. Un bref échange au début et à la fin apporte souvent plus qu’une longue enquête.</p>',
        },
      },
    ],
    attachments: [],
  },
  {
    // Deliberately incomplete in French: no fr summary and no fr for the section 'wederzijdse-verwachtingen'
    // (the title stays translated), to exercise the fallback to Dutch.
    slug: 'burgerinitiatieven-en-lokale-besturen',
    publishedDaysAgo: 75,
    licence: 'CC-BY-4.0',
    topics: ['burgerinitiatieven', 'participatie', 'gemeenschapsvorming'],
    title: {
      nl: 'Burgerinitiatieven en lokale besturen: samenwerken zonder over te nemen',
      en: 'Citizen initiatives and local government: working together without taking over',
      fr: 'Initiatives citoyennes et pouvoirs locaux : collaborer sans prendre le relais',
    },
    summary: {
      nl: 'Wat gebeurt er als een gemeente burgerinitiatieven wil ondersteunen, en welke rol kan het sociaal-cultureel werk daarbij spelen? (voorbeeldinhoud)',
      en: 'What happens when a municipality wants to support citizen initiatives, and what role can socio-cultural work play? (sample content)',
    },
    authors: [{ name: 'Redactie Socius' }],
    sections: [
      {
        anchor: 'een-groeiende-beweging',
        heading: {
          nl: 'Een groeiende beweging',
          en: 'A growing movement',
          fr: 'Un mouvement en pleine croissance',
        },
        body: {
          nl: '<p>In veel gemeenten nemen bewoners zelf het initiatief: een repair café, een buurtfeest, een gedeelde moestuin of een weggeefwinkel. Die initiatieven ontstaan vaak spontaan en draaien volledig op vrijwillige inzet.</p><p>Lokale besturen zien er een kans in om de band met hun inwoners te versterken. Tegelijk is de verleiding groot om zulke initiatieven in te passen in eigen plannen en procedures.</p>',
          en: '<p>In many municipalities residents take the initiative themselves: a repair café, a street party, a shared vegetable garden or a give-away shop. These initiatives often arise spontaneously and run entirely on volunteer effort.</p><p>Local authorities see an opportunity to strengthen their ties with residents. At the same time, it is tempting to fit such initiatives into their own plans and procedures.</p>',
          fr: '<p>Dans de nombreuses communes, les habitants prennent eux-mêmes l’initiative : un repair café, une fête de quartier, un potager partagé ou une donnerie. Ces initiatives naissent souvent spontanément et reposent entièrement sur l’engagement bénévole.</p><p>Les pouvoirs locaux y voient une occasion de renforcer leurs liens avec les habitants. En même temps, la tentation est grande d’intégrer ces initiatives dans leurs propres plans et procédures.</p>',
        },
      },
      {
        anchor: 'wederzijdse-verwachtingen',
        heading: {
          nl: 'Wederzijdse verwachtingen',
          en: 'Mutual expectations',
        },
        body: {
          nl: '<p>Burgerinitiatieven verwachten vooral praktische steun: een lokaal, wat materiaal, een vlotte vergunning. Gemeenten verwachten op hun beurt soms meer structuur, een aanspreekpunt of een verslag.</p><p>Wanneer die verwachtingen niet worden uitgesproken, ontstaan er snel misverstanden. Een open gesprek bij de start, liefst met een neutrale derde aan tafel, helpt om afspraken te maken die voor beide partijen werkbaar zijn.</p>',
          en: '<p>Citizen initiatives mainly expect practical support: a room, some equipment, a smooth permit. Municipalities in turn sometimes expect more structure, a contact person or a report.</p><p>When these expectations are left unspoken, misunderstandings arise quickly. An open conversation at the outset, ideally with a neutral third party at the table, helps both sides agree on arrangements that work for them.</p>',
        },
      },
      {
        anchor: 'rol-van-het-middenveld',
        heading: {
          nl: 'De rol van het middenveld',
          en: 'The role of civil society',
          fr: 'Le rôle de la société civile',
        },
        body: {
          nl: '<p>Sociaal-culturele organisaties kunnen een brugfunctie opnemen. Ze kennen de logica van vrijwillige groepen én die van de overheid, en kunnen helpen om beide te laten samenwerken.</p><p>Concreet kan dat gaan om het begeleiden van overleg, het delen van kennis over vrijwilligerswerk of het zichtbaar maken van wat burgers realiseren. Belangrijk is dat het initiatief bij de burgers zelf blijft liggen.</p>',
          en: '<p>Socio-cultural organisations can act as a bridge. They understand how volunteer groups work as well as how government works, and can help the two cooperate.</p><p>In practice this might mean facilitating meetings, sharing knowledge about volunteering or making visible what citizens achieve. What matters is that ownership stays with the citizens themselves.</p>',
          fr: '<p>Les organisations socioculturelles peuvent jouer un rôle de passerelle. Elles connaissent à la fois la logique des groupes bénévoles et celle des pouvoirs publics, et peuvent aider les deux à coopérer.</p><p>Concrètement, il peut s’agir d’animer la concertation, de partager des connaissances sur le volontariat ou de rendre visible ce que les citoyens réalisent. L’essentiel est que l’initiative reste entre les mains des citoyens.</p>',
        },
      },
    ],
    attachments: [],
  },
  {
    slug: 'digitale-communicatie-in-kleine-verenigingen',
    publishedDaysAgo: 35,
    licence: 'CC-BY-4.0',
    topics: ['communicatie', 'vrijwilligerswerk'],
    title: {
      nl: 'Digitale communicatie in kleine verenigingen',
      en: 'Digital communication in small associations',
      fr: 'La communication numérique dans les petites associations',
    },
    summary: {
      nl: 'Welke digitale kanalen werken voor een vereniging die draait op een handvol vrijwilligers, en hoe hou je het haalbaar? (voorbeeldinhoud)',
      en: 'Which digital channels work for an association run by a handful of volunteers, and how do you keep it manageable? (sample content)',
      fr: 'Quels canaux numériques conviennent à une association animée par une poignée de volontaires, et comment garder la charge raisonnable ? (contenu d’exemple)',
    },
    authors: [{ name: 'Redactie Socius' }],
    sections: [
      {
        anchor: 'minder-kanalen-meer-effect',
        heading: {
          nl: 'Minder kanalen, meer effect',
          en: 'Fewer channels, more impact',
          fr: 'Moins de canaux, plus d’impact',
        },
        body: {
          nl: '<p>Kleine verenigingen proberen vaak op alle sociale media tegelijk aanwezig te zijn. Dat kost veel tijd en levert weinig op wanneer berichten onregelmatig verschijnen.</p><p>Kies liever één of twee kanalen waar je leden en deelnemers echt zitten, en hou die goed bij. Een eenvoudige nieuwsbrief blijft daarbij verrassend sterk.</p>',
          en: '<p>Small associations often try to be present on every social media platform at once. That takes a lot of time and achieves little when posts appear irregularly.</p><p>It is better to choose one or two channels where your members and participants actually are, and to keep them up to date. A simple newsletter remains surprisingly effective.</p>',
          fr: '<p>Les petites associations essaient souvent d’être présentes sur tous les réseaux sociaux à la fois. Cela prend beaucoup de temps et rapporte peu lorsque les publications sont irrégulières.</p><p>Mieux vaut choisir un ou deux canaux où se trouvent réellement vos membres et participants, et les tenir à jour. Une simple newsletter reste étonnamment efficace.</p>',
        },
      },
      {
        anchor: 'taken-verdelen',
        heading: {
          nl: 'Taken verdelen onder vrijwilligers',
          en: 'Sharing tasks among volunteers',
          fr: 'Répartir les tâches entre volontaires',
        },
        body: {
          nl: '<p>Communicatie hoeft niet op de schouders van één persoon te rusten. Maak een eenvoudige planning en spreek af wie foto’s neemt, wie teksten schrijft en wie ze online zet.</p><ol><li>Leg een gedeelde map aan met logo’s, foto’s en standaardteksten.</li><li>Spreek een vaste publicatiedag per week of per maand af.</li><li>Evalueer na enkele maanden wat werkt en wat niet.</li></ol><p>Zo blijft je communicatie ook overeind wanneer iemand een tijdje uitvalt.</p>',
          en: '<p>Communication does not have to rest on one person’s shoulders. Draw up a simple schedule and agree who takes photos, who writes the texts and who posts them online.</p><ol><li>Set up a shared folder with logos, photos and standard texts.</li><li>Agree on a fixed publication day each week or month.</li><li>After a few months, review what works and what doesn’t.</li></ol><p>That way your communication keeps going even when someone drops out for a while.</p>',
          fr: '<p>La communication ne doit pas reposer sur les épaules d’une seule personne. Établissez un planning simple et convenez de qui prend les photos, qui rédige les textes et qui les publie en ligne.</p><ol><li>Créez un dossier partagé avec les logos, les photos et les textes types.</li><li>Fixez un jour de publication par semaine ou par mois.</li><li>Après quelques mois, évaluez ce qui fonctionne et ce qui ne fonctionne pas.</li></ol><p>Ainsi, votre communication ne s’arrête pas lorsque quelqu’un doit lever le pied pendant un temps.</p>',
        },
      },
      {
        anchor: 'toegankelijk-communiceren',
        heading: {
          nl: 'Toegankelijk communiceren',
          en: 'Accessible communication',
          fr: 'Communiquer de manière accessible',
        },
        body: {
          nl: '<p>Digitale communicatie bereikt niet iedereen. Denk aan mensen die weinig digitaal vaardig zijn of die de taal minder goed beheersen.</p><p>Schrijf in <em>klare taal</em>, voeg beschrijvingen toe aan afbeeldingen en blijf ook affiches of persoonlijke uitnodigingen gebruiken voor wie je online moeilijk bereikt.</p>',
          en: '<p>Digital communication does not reach everyone. Think of people with limited digital skills or who are less confident in the language.</p><p>Write in <em>plain language</em>, add descriptions to images and keep using posters or personal invitations for people who are hard to reach online.</p>',
          fr: '<p>La communication numérique ne touche pas tout le monde. Pensez aux personnes peu à l’aise avec le numérique ou qui maîtrisent moins bien la langue.</p><p>Écrivez en <em>langage clair</em>, ajoutez des descriptions aux images et continuez à utiliser des affiches ou des invitations personnelles pour les personnes difficiles à atteindre en ligne.</p>',
        },
      },
    ],
    attachments: [],
  },
];
