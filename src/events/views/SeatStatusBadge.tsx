import type { PageContext } from '../../web/page.js';
import type { SeatStatus } from '../seat-status.js';

const badgeClass: Record<SeatStatus, string> = {
  available: 'badge badge-success',
  few: 'badge badge-warning',
  waitingList: 'badge badge-info',
  closed: 'badge',
};

export function SeatStatusBadge({ page, status }: { page: PageContext; status: SeatStatus }): JSX.Element {
  return (
    <span class={badgeClass[status]} safe>
      {page.t(`seatStatus.${status}`)}
    </span>
  );
}
