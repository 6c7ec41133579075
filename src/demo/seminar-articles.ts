import { danishTimeToUtc } from '../lib/dates.js';
import type { DemoCalendar } from './calendar.js';
import type { DemoArticle } from './news-articles.js';

/** The slug of the 2016 article; when it exists, the demo content is already loaded. */
export const SEMINAR_2016_ARTICLE_SLUG = 'konsulenten-som-facilitator-i-den-politisk-styrede-kommune';

/** The article the platform grew from: 24 May 2016, announcing the døgnseminar. */
export function seminar2016Article(): DemoArticle {
  return {
    slug: SEMINAR_2016_ARTICLE_SLUG,
    headline: 'Konsulenten som facilitator i den politisk styrede kommune',
    lede: 'Kommunerne løser i stigende grad velfærdsopgaverne sammen med borgerne i stedet for at levere service til dem. Det giver konsulenten en ny rolle, og den er temaet for døgnseminaret ”Konsulent i en politisk styret organisation”.',
    author: 'Redaktionen',
    publishedAt: danishTimeToUtc('2016-05-24', '08:00'),
    events: ['seminar2016'],
    body: `Længe var det almindeligt at se kommunen som en serviceorganisation: Borgeren efterspørger, og kommunen leverer. Det billede er ved at blive afløst af et andet, hvor kommune og borgere er fælles om velfærden, og hvor borgerne selv bidrager med deres kræfter, erfaringer og netværk.

Den udvikling sætter sig spor i konsulentens arbejde, og det er omdrejningspunktet, når døgnseminaret ”Konsulent i en politisk styret organisation” løber af stablen i juni.

## Velfærd er en fælles opgave

Henrik Rosenlund Knudsen er sekretariatschef i Skanderborg Kommune. Han peger på, at de svære velfærdsopgaver sjældent kan løses fra et skrivebord på rådhuset.

> ”Vi får de bedste løsninger, når vi tager udgangspunkt i det, borgerne selv kan, og bygger videre på det. Det er sværere end at levere en ydelse, men det holder længere,” siger han.

## Relationerne bliver konsulentens vigtigste redskab

Når opgaverne løses i fællesskab, ændrer det også rollerne i den politiske organisation. Politikerne skal i højere grad sætte retning og mindre detailstyre, og konsulenten bliver den, der får mennesker og fagområder til at arbejde sammen.

> ”Konsulentens fornemste opgave bliver at skabe rum for samarbejde – mellem forvaltninger, med foreningerne og med borgerne. Det kræver, at man er god til relationer og til at facilitere,” siger Henrik Rosenlund Knudsen.

I hans eget sekretariat er det et mål, at konsulenterne tager idéer og erfaringer med fra én del af organisationen til en anden, så de ikke bliver hængende i én afdeling.

## Tillid frem for styregrupper

Henrik Rosenlund Knudsen er skeptisk over for den klassiske projektmodel med styregrupper og detaljerede tidsplaner.

> ”Vi kan ikke forudse alt, så vi skal ikke lade, som om vi kan. Vi skal hellere bygge en kultur, hvor vi stoler på hinanden og finder løsningerne sammen undervejs. Det stiller nye krav til os som konsulenter,” siger han.

## Mød ham på døgnseminaret

Henrik Rosenlund Knudsen er en af oplægsholderne på døgnseminaret, hvor du sammen med konsulenter fra andre kommuner arbejder med din egen rolle tæt på den politiske ledelse. Du kan hente programmet som PDF nederst på siden.`,
  };
}

/** The article promoting the new edition of the døgnseminar. */
export function seminarEditionArticle(cal: DemoCalendar): DemoArticle {
  return {
    slug: 'doegnseminaret-om-konsulentrollen-er-tilbage',
    headline: 'Døgnseminaret om konsulentrollen er tilbage',
    lede: 'Hvordan skaber du som konsulent samarbejde på tværs, når retningen sættes af politikerne, og løsningerne skal findes sammen med borgerne? Nu kan du igen tilmelde dig døgnseminaret ”Konsulent i en politisk styret organisation”.',
    author: 'Karen Lund Mikkelsen',
    publishedAt: cal.relative(-14, '08:30'),
    events: ['seminarEdition'],
    body: `Døgnseminaret om konsulentens rolle i den politisk styrede organisation har været et tilbagevendende tilbud, og det er nu klar i en ny udgave med nye workshops og mere tid til at arbejde på tværs af kommunerne.

## Fra rådgiver til facilitator

Henrik Rosenlund Knudsen, sekretariatschef i Skanderborg Kommune, åbner seminaret. Han har i flere år talt for, at konsulenterne skal bruge mindre tid på at skrive notater og mere tid på at bringe de rigtige mennesker sammen.

> ”Den gode konsulent er ikke den, der har alle svarene, men den, der kan samle dem, der tilsammen har dem – kolleger, politikere og borgere,” siger han.

## Workshops og grupper på tværs

Om eftermiddagen arbejder du i workshops med facilitering på tværs af forvaltninger og med samskabelse i praksis. Du bliver sat i grupper med deltagere fra andre kommuner og regioner, så du møder nye perspektiver på dine egne udfordringer.

Næste morgen ser vi på rollefordelingen mellem politikere, ledere og konsulenter med afsæt i ny forskning.

## Praktiske oplysninger

Seminaret varer et døgn med overnatning og fuld forplejning. Der er plads til 60 deltagere, og du kan tilmelde dig selv eller flere kolleger på én gang. Programmet kan hentes som PDF.`,
  };
}
