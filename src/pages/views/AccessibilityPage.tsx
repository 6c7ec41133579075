import type { PageContext } from '../../web/page.js';
import { Layout } from '../../web/views/Layout.js';

export function AccessibilityPage({ page }: { page: PageContext }): JSX.Element {
  const { t } = page;
  return (
    <Layout page={page} title={t('accessibility.title')}>
      <h1 safe>{t('accessibility.title')}</h1>
      {page.locale === 'da' ? (
        <>
          <p class="font-lead">Siden er bygget til, at alle kan finde og tilmelde sig arrangementer, også med skærmlæser, forstørrelse eller kun tastatur.</p>
          <h2>Overholdelse</h2>
          <p>
            Hjemmesiden følger Det Fælles Designsystem og har som mål at overholde WCAG 2.1 på niveau AA, som loven om tilgængelighed af offentlige organers
            websteder kræver.
          </p>
          <h2>Sådan tester vi</h2>
          <p>
            Hver ændring testes automatisk i en browser med axe, som finder de tilgængelighedsfejl, der kan findes maskinelt. Formularerne testes med tastatur
            alene, og alle sider virker uden JavaScript.
          </p>
          <h2>Kendte begrænsninger</h2>
          <p>PDF-filer, som arrangører lægger op, er ikke altid tilgængelige. Kontakt arrangøren, hvis du har brug for materialet i en anden form.</p>
          <h2>Feedback og kontakt</h2>
          <p>Oplever du problemer med tilgængeligheden, så skriv til arrangøren. Du kan også klage til Digitaliseringsstyrelsen, som fører tilsyn med loven.</p>
        </>
      ) : (
        <>
          <p class="font-lead">
            This site is built so that everyone can find and sign up for events, including with a screen reader, magnification or a keyboard alone.
          </p>
          <h2>Compliance</h2>
          <p>
            The site follows the Danish common design system (DKFDS) and aims to meet WCAG 2.1 level AA, as Danish law on the accessibility of public-sector
            websites requires.
          </p>
          <h2>How we test</h2>
          <p>
            Every change is tested automatically in a browser with axe, which finds the accessibility errors a machine can find. Forms are tested with the
            keyboard alone, and every page works without JavaScript.
          </p>
          <h2>Known limitations</h2>
          <p>PDF files uploaded by organisers are not always accessible. Contact the organiser if you need the material in another form.</p>
          <h2>Feedback and contact</h2>
          <p>
            If you meet accessibility problems, write to the organiser. You can also complain to the Danish Agency for Digital Government, which supervises the
            law.
          </p>
        </>
      )}
    </Layout>
  );
}
