import type { ArticleInput } from '../news/news.service.js';
import type { DemoCalendar } from './calendar.js';
import type { DemoEventKey, DemoEvents } from './events.js';

/** An article whose related events are named by their demo key, not yet by id. */
export interface DemoArticle extends Omit<ArticleInput, 'eventIds'> {
  events?: DemoEventKey[];
}

/** The demo's other news, spread over the last months and years. */
export function newsArticles(cal: DemoCalendar, events: DemoEvents): DemoArticle[] {
  const at = (days: number, time = '08:00') => cal.relative(days, time);
  return [
    {
      slug: 'laer-at-facilitere-moeder-paa-tvaers',
      headline: 'Lær at facilitere møder på tværs af organisationen',
      lede: 'Et nyt endagskursus giver dig metoder til at planlægge og lede møder og workshops, hvor deltagerne har forskellig baggrund og forskellige mål.',
      author: 'Karen Lund Mikkelsen',
      publishedAt: at(-5, '09:15'),
      events: ['facilitering'],
      body: `Mange konsulenter og projektledere bruger en stor del af deres arbejdstid på møder. Alligevel er det de færreste, der har lært at facilitere dem.

Kurset er bygget op om øvelser, hvor du selv prøver rollen som facilitator og får feedback fra de andre deltagere. Der er plads til 16 deltagere, så alle kommer til.`,
    },
    {
      slug: 'kurset-projektledelse-i-kommunen-er-aflyst',
      headline: 'Kurset Projektledelse i kommunen er aflyst',
      lede: 'Der var for få tilmeldte til kurset, og vi har derfor valgt at aflyse det. Alle tilmeldte har fået besked.',
      author: 'Redaktionen',
      publishedAt: at(-8, '13:00'),
      events: ['projektledelse'],
      body: `Vi beklager, at vi har måttet aflyse kurset. De tilmeldte får ikke en faktura, og har I allerede betalt, får I pengene tilbage.

Vi forventer at udbyde kurset igen næste år.`,
    },
    {
      slug: 'webinar-om-kunstig-intelligens-i-sagsbehandlingen',
      headline: 'Webinar: Kunstig intelligens i sagsbehandlingen',
      lede: 'Hvad kan de nye værktøjer, og hvad kræver lovgivningen? På halvanden time får du et nøgternt overblik fra en chefkonsulent og en forsker i forvaltningsret.',
      author: 'Redaktionen',
      publishedAt: at(-9, '10:00'),
      events: ['kunstigIntelligens'],
      body: `Flere kommuner afprøver kunstig intelligens til at sortere henvendelser, skrive udkast og finde oplysninger i store sager. Webinaret giver dig overblik over erfaringerne og over de krav, forvaltningsretten og databeskyttelsesreglerne stiller.`,
    },
    {
      slug: 'boern-og-unge-konferencen-trivsel-i-centrum',
      headline: `${events.boernOgUnge.title}: Trivsel i centrum`,
      lede: 'Årets konference om børn og unge handler om, hvordan skole, sundhedspleje og socialområde kan gribe tidligere ind, når et barn mistrives.',
      author: 'Karen Lund Mikkelsen',
      publishedAt: at(-18),
      events: ['boernOgUnge'],
      body: `Flere børn og unge mistrives, og de fagfolk, der møder dem, efterlyser bedre måder at arbejde sammen på. Det er baggrunden for årets konference.

## Forskning og praksis

Konferencen åbner med et overblik over, hvad forskningen ved om børn og unges trivsel. Derefter fortæller ledere og medarbejdere fra tre kommuner, hvordan de har organiseret en tidlig og sammenhængende indsats.

> ”Vi ser barnet bedst, når lærer, sundhedsplejerske og socialrådgiver taler sammen, før problemerne vokser sig store. Det lyder enkelt, men det kræver, at vi bygger samarbejdet ind i hverdagen,” siger Sanne Kirkegaard Dahl, børne- og ungedirektør i Hjørring Kommune.

## Workshops på dag 2

Anden dag arbejder du i workshops med konkrete modeller for samarbejde på tværs af fagområderne. Konferencen er momsfri.`,
    },
    {
      slug: 'doegnseminar-om-sundhedsfremme',
      headline: 'Nyt døgnseminar om sundhedsfremme i det nære sundhedsvæsen',
      lede: 'Kommunerne får flere opgaver med forebyggelse og sundhedsfremme. Et nyt døgnseminar samler ledere og konsulenter om de nye rammer og om samarbejdet med almen praksis.',
      author: 'Redaktionen',
      publishedAt: at(-22),
      events: ['sundhed'],
      body: `Døgnseminaret foregår i Kolding og begynder med frokost. Om aftenen er der middag, hvor der er tid til at drøfte erfaringer med kolleger fra andre kommuner.

Overnatning og alle måltider er med i prisen.`,
    },
    {
      slug: 'gratis-webinar-om-partshoering-og-begrundelse',
      headline: 'Gratis webinar om partshøring og begrundelse',
      lede: 'To af forvaltningslovens regler giver særligt mange fejl i kommunernes afgørelser. Et gratis webinar gennemgår dem med eksempler fra praksis.',
      author: 'Redaktionen',
      publishedAt: at(-25, '09:00'),
      events: ['forvaltningsloven'],
      body: `Webinaret varer halvanden time og er gratis. Du skal blot tilmelde dig, så sender vi linket dagen før. Du kan stille spørgsmål i chatten undervejs.`,
    },
    {
      slug: 'nyt-netvaerk-om-borgerinddragelse-og-samskabelse',
      headline: 'Nyt netværk om borgerinddragelse og samskabelse',
      lede: 'Arbejder du med at inddrage borgere, foreninger og virksomheder i kommunens opgaver? Så er der nu et netværk, hvor du kan dele erfaringer med kolleger fra andre kommuner.',
      author: 'Karen Lund Mikkelsen',
      publishedAt: at(-28),
      events: ['netvaerkBorgerinddragelse'],
      body: `Netværket mødes fire gange i Vejle. Ved hvert møde er der et kort oplæg, og resten af tiden går til sparring på deltagernes egne projekter. Ét af møderne bliver et besøg hos et projekt, hvor kommune og borgere har skabt noget sammen.

Én tilmelding dækker alle fire møder.`,
    },
    {
      slug: 'ny-saeson-i-netvaerket-for-beskaeftigelseskonsulenter',
      headline: 'Ny sæson i netværket for beskæftigelseskonsulenter',
      lede: 'Netværket for konsulenter i jobcentrene begynder en ny sæson med fire møder i Odense. Temaerne spænder fra virksomhedsrettede indsatser til unge uden uddannelse.',
      author: 'Redaktionen',
      publishedAt: at(-30),
      events: ['netvaerkBeskaeftigelse'],
      body: `Netværket er for virksomhedskonsulenter, jobkonsulenter og teamledere. Møderne veksler mellem korte oplæg og erfaringsudveksling, og deltagerne er selv med til at sætte dagsordenen.

Netværket er momsfrit.`,
    },
    {
      slug: 'tre-kursusdage-om-budget-og-oekonomistyring',
      headline: 'Tre kursusdage om budget og økonomistyring for ledere',
      lede: 'Har du budgetansvar, men savner overblik over, hvordan din enheds budget hænger sammen med kommunens samlede økonomi? Så er dette kursus for dig.',
      author: 'Redaktionen',
      publishedAt: at(-35),
      events: ['oekonomi'],
      body: `Kurset følger budgettet fra den politiske vedtagelse til den daglige opfølgning. På tredje kursusdag arbejder du med cases fra deltagernes egne enheder.`,
    },
    {
      slug: 'saadan-fik-vejle-borgerne-med-i-klimaarbejdet',
      headline: 'Sådan fik Vejle borgerne med i klimaarbejdet',
      lede: `På ${events.klimakonference.title} fortalte Vejle Kommune, hvordan borgermøder og et åbent klimaregnskab har gjort klimaplanen til et fælles projekt.`,
      author: 'Karen Lund Mikkelsen',
      publishedAt: at(-40, '14:00'),
      events: ['klimakonference', 'klimaregnskab'],
      body: `Mange kommuner har en ambitiøs klimaplan, men færre har fået borgerne med. I Vejle har man prøvet at gøre det anderledes.

## Et klimaregnskab, alle kan læse

Kommunen offentliggør hvert år sit klimaregnskab i en form, som ikke kun eksperter kan læse. Tallene bliver brugt som oplæg på borgermøder i de enkelte lokalområder.

> ”Når folk kan se, hvor udledningen kommer fra i deres eget område, bliver det meget lettere at tale om, hvad vi kan gøre sammen,” sagde klimakoordinator Mads Thorup Ravn på konferencen.

## Lokale projekter

Borgermøderne har ført til flere lokale projekter, blandt andet samkørsel i landsbyerne og fælles energirenovering af parcelhuse.

Vil du selv i gang med et klimaregnskab, så er der et webinar om netop det.`,
    },
    {
      slug: 'ledelse-af-fagprofessionelle-nyt-kursus',
      headline: 'Ledelse af fagprofessionelle: Nyt kursus i to moduler',
      lede: 'Hvordan leder du medarbejdere, der ved mere om opgaven end du selv? Et nyt kursus giver dig redskaber til at sætte retning og give plads på samme tid.',
      author: 'Redaktionen',
      publishedAt: at(-40),
      events: ['ledelse'],
      body: `Kurset består af to moduler med en opgave i din egen hverdag imellem. Medlemmer får rabat på prisen.`,
    },
    {
      slug: 'nyt-kursus-skriv-klart-til-borgerne',
      headline: 'Nyt kursus: Skriv klart til borgerne',
      lede: 'Et brev, borgeren forstår første gang, sparer tid for alle. På kurset lærer du at skrive klart uden at gå på kompromis med det juridiske.',
      author: 'Karen Lund Mikkelsen',
      publishedAt: at(-50),
      events: ['skrivKlart'],
      body: `Om eftermiddagen arbejder du med dine egne tekster, så tag gerne to-tre breve eller afgørelser med, som du gerne vil gøre bedre.`,
    },
    {
      slug: 'tilmeldingen-til-digitaliseringskonferencen-er-aaben',
      headline: `Tilmeldingen til ${events.digitalisering.title} er åben`,
      lede: 'Kunstig intelligens, data på tværs og cybersikkerhed er på programmet, når kommuner, regioner og stat mødes til to dages konference i Nyborg.',
      author: 'Redaktionen',
      publishedAt: at(-85, '09:00'),
      events: ['digitalisering'],
      body: `Konferencen har både fælles oplæg og parallelsessioner, og om aftenen er der konferencemiddag. Medlemmer får rabat, og overnatning kan tilkøbes.`,
    },
    {
      slug: 'nu-kan-du-tilmelde-flere-kolleger-paa-en-gang',
      headline: 'Nu kan du tilmelde flere kolleger på én gang',
      lede: 'Skal du tilmelde hele teamet til et kursus? Nu kan du skrive alle deltagerne ind i én tilmelding og få én samlet faktura.',
      author: 'Redaktionen',
      publishedAt: at(-200, '10:00'),
      body: `Du udfylder oplysningerne om betaleren – for eksempel kommunens EAN-nummer og en personreference – én gang, og derefter tilføjer du deltagerne. Hver deltager får sin egen bekræftelse.

Har en kollega fået forfald, kan du selv sætte en anden ind i stedet via linket i bekræftelsen.`,
    },
    {
      slug: 'saadan-goer-vi-vores-arrangementer-tilgaengelige',
      headline: 'Sådan gør vi vores arrangementer tilgængelige',
      lede: 'Alle skal kunne deltage i vores kurser og konferencer. Derfor beskriver vi nu adgangsforholdene for hvert sted, og du kan skrive dine behov i tilmeldingen.',
      author: 'Redaktionen',
      publishedAt: at(-540, '10:00'),
      body: `Under hvert arrangement kan du læse, om der er niveaufri adgang, elevator, handicaptoilet og teleslynge. Har du brug for noget særligt, kan du skrive det i tilmeldingen, så sørger vi for det sammen med stedet.`,
    },
    {
      slug: 'ny-hjemmeside-til-kurser-og-konferencer',
      headline: 'Ny hjemmeside til kurser og konferencer',
      lede: 'Vores nye hjemmeside gør det lettere at finde et kursus, tilmelde sig og følge med i nyheder. Den virker lige godt på telefon og computer.',
      author: 'Redaktionen',
      publishedAt: at(-420, '10:00'),
      body: `Du kan søge i alle arrangementer og filtrere på type, tema, måned og sted. Siden er bygget på Det Fælles Designsystem, som mange kender fra offentlige selvbetjeningsløsninger.`,
    },
    {
      slug: 'serviceloven-for-nye-sagsbehandlere-tilmeldingen-aabner',
      headline: 'Tilmeldingen til Serviceloven for nye sagsbehandlere er åben',
      lede: 'Grundkurset i serviceloven er tilbage. Kurset er for sagsbehandlere med under to års erfaring og varer to dage.',
      author: 'Redaktionen',
      // Scheduled: public from the moment sign-up opens.
      publishedAt: at(14, '09:00'),
      events: ['serviceloven'],
      body: `Kurset gennemgår servicelovens opbygning og sagsbehandlingen fra ansøgning til afgørelse, med vægt på de typiske fejl. Kurset er momsfrit.`,
    },
    {
      slug: 'program-for-naeste-aars-ledelsesdag',
      headline: 'Program for næste års ledelsesdag er på vej',
      lede: 'Vi er ved at lægge sidste hånd på programmet for næste års ledelsesdag.',
      author: 'Karen Lund Mikkelsen',
      // A draft: not public until an editor publishes it.
      publishedAt: null,
      body: `Programmet offentliggøres, så snart alle oplægsholdere har bekræftet.`,
    },
  ];
}
