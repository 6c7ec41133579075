import type { PageContext } from '../../web/page.js';

export interface ParticipantTables {
  name: string;
  tables: Array<{ roundNo: number; tableNo: number }>;
}

/** "Dine borde" on the self-service page: each visible participant's table in every round of the current plan. */
export function ParticipantTablesSection({ page, entries }: { page: PageContext; entries: ReadonlyArray<ParticipantTables> }): JSX.Element {
  const { t } = page;
  const seated = entries.filter((e) => e.tables.length > 0);
  if (seated.length === 0) return <></>;
  return (
    <section aria-labelledby="group-tables-heading">
      <h2 id="group-tables-heading" safe>
        {t('groups.selfService.heading')}
      </h2>
      <p safe>{t('groups.selfService.lede')}</p>
      {seated.map((e) => (
        <>
          {seated.length > 1 ? (
            <h3 class="h4" safe>
              {e.name}
            </h3>
          ) : (
            ''
          )}
          <ul>
            {e.tables.map((x) => (
              <li safe>{e.tables.length === 1 ? t('groups.table', { table: x.tableNo }) : t('groups.roundTable', { round: x.roundNo, table: x.tableNo })}</li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}
