import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import type { ParticipantMaterials } from '../materials.service.js';
import { MaterialList } from './MaterialList.js';

function laterText(page: PageContext, availableNow: number, count: number, when: string): string {
  if (availableNow === 0) return page.t('materials.participant.laterOnly', { when });
  return count === 1 ? page.t('materials.participant.laterOne', { when }) : page.t('materials.participant.laterMany', { count, when });
}

/**
 * The "Materialer" section of a booking's self-service page: what its
 * participants may download now (through the booking's own address, never a
 * public one), and how many more open when the event is over.
 */
export function ParticipantMaterialsSection({
  page,
  token,
  materials,
  holdsSeat,
}: {
  page: PageContext;
  token: string;
  materials: ParticipantMaterials;
  holdsSeat: boolean;
}): JSX.Element {
  const { t, locale } = page;
  const later = materials.later;
  const when = later ? `${formatDate(later.opensAt, locale)} ${formatTime(later.opensAt, locale)}` : '';
  return (
    <section aria-labelledby="materials-heading">
      <h2 id="materials-heading" safe>
        {t('materials.participant.heading')}
      </h2>
      {!holdsSeat ? (
        <p safe>{t('materials.participant.noSeat')}</p>
      ) : (
        <>
          {materials.available.length > 0 ? (
            <>
              <p safe>{t('materials.participant.lede')}</p>
              <MaterialList page={page} materials={materials.available} href={(m) => paths.bookingMaterial(locale, token, m.id, m.filename)} />
            </>
          ) : later ? (
            ''
          ) : (
            <p safe>{t('materials.participant.none')}</p>
          )}
          {later ? <p safe>{laterText(page, materials.available.length, later.count, when)}</p> : ''}
        </>
      )}
    </section>
  );
}
