import type { PageContext } from '../../web/page.js';
import { Layout } from '../../web/views/Layout.js';

export function PrivacyPage({ page }: { page: PageContext }): JSX.Element {
  const { t } = page;
  const privacy = page.site?.privacyContact ?? page.site?.contact?.email ?? null;
  return (
    <Layout page={page} title={t('privacy.title')}>
      <h1 safe>{t('privacy.title')}</h1>
      {privacy ? (
        <p class="font-lead" id="privacy-contact" safe>
          {t('identity.privacy.contact', { contact: privacy })}
        </p>
      ) : (
        ''
      )}
      {page.locale === 'da' ? (
        <>
          <p class="font-lead">Her kan du læse, hvilke oplysninger vi behandler om dig, når du tilmelder dig et arrangement, og hvilke rettigheder du har.</p>
          <h2>Hvilke oplysninger</h2>
          <p>
            Når du tilmelder dig, gemmer vi navn, e-mail, stilling, arbejdsplads og de svar, arrangementet beder om, fx kostbehov. Betaleren giver os de
            oplysninger, der skal til for at sende en faktura: organisation, CVR, EAN og en reference.
          </p>
          <h2>Formål</h2>
          <p>
            Vi bruger oplysningerne til at gennemføre arrangementet, sende bekræftelse og praktisk information, fakturere og udstede kursusbevis. Vi bruger dem
            ikke til markedsføring uden dit samtykke.
          </p>
          <h2>Opbevaring</h2>
          <p>Oplysningerne slettes eller anonymiseres, når arrangørens opbevaringsperiode udløber. Bogføringsbilag gemmes så længe, bogføringsloven kræver.</p>
          <h2>Cookies</h2>
          <p>Siden bruger ingen sporingscookies. Vi sætter kun de cookies, der er nødvendige, for at formularer og log-ind virker.</p>
          <h2>Dine rettigheder</h2>
          <p>Du har ret til indsigt, berigtigelse og sletning og til at gøre indsigelse. Du kan klage til Datatilsynet.</p>
        </>
      ) : (
        <>
          <p class="font-lead">This page explains what information we process about you when you sign up for an event, and which rights you have.</p>
          <h2>What information</h2>
          <p>
            When you sign up, we store your name, e-mail, job title, workplace and the answers the event asks for, such as dietary needs. The payer gives us
            what an invoice needs: organisation, CVR, EAN and a reference.
          </p>
          <h2>Purpose</h2>
          <p>
            We use the information to run the event, send confirmations and practical information, invoice and issue certificates. We do not use it for
            marketing without your consent.
          </p>
          <h2>Retention</h2>
          <p>
            The information is deleted or anonymised when the organiser's retention period ends. Accounting records are kept as long as Danish bookkeeping law
            requires.
          </p>
          <h2>Cookies</h2>
          <p>The site uses no tracking cookies. We only set the cookies that forms and login need to work.</p>
          <h2>Your rights</h2>
          <p>
            You have the right of access, rectification and erasure, and the right to object. You can complain to the Danish Data Protection Agency
            (Datatilsynet).
          </p>
        </>
      )}
    </Layout>
  );
}
