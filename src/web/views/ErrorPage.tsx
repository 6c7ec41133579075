import type { PageContext } from '../page.js';
import type { MessageKey } from '../i18n.js';
import { paths } from '../paths.js';
import { Layout } from './Layout.js';

const texts: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  500: { title: 'error.server.title', body: 'error.server.body' },
};

export function ErrorPage({ page, status }: { page: PageContext; status: number }): JSX.Element {
  const text = texts[status] ?? texts[500]!;
  const { t } = page;
  return (
    <Layout page={page} title={t(text.title)}>
      <h1 safe>{t(text.title)}</h1>
      <p class="font-lead" safe>
        {t(text.body)}
      </p>
      <p>
        <a href={paths.home(page.locale)} class="button button-primary" safe>
          {t('error.backHome')}
        </a>
      </p>
    </Layout>
  );
}
