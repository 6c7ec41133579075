import type { PageContext } from '../../../web/page.js';
import { formatMoney } from '../../../lib/money.js';
import { registrationMessage } from '../../registrations.messages.js';
import type { EventSignup } from '../event-signup.js';
import { ChoiceGroup, type ErrorMap } from '../../../web/forms/fields.js';

/** What the add-on choices need of an event's sign-up. */
export type AddOnOffer = Pick<EventSignup, 'addOns' | 'doubleRoom'> & { event: Pick<EventSignup['event'], 'vatPercent'> };

export function addOnName(page: PageContext, a: { nameDa: string; nameEn: string }): string {
  return page.locale === 'da' ? a.nameDa : a.nameEn;
}

function priceNote(page: PageContext, offer: AddOnOffer, ore: number): string {
  if (ore === 0) return page.t('price.free');
  const amount = formatMoney(ore, page.locale);
  return offer.event.vatPercent === 0 ? amount : page.t('price.exVat', { amount });
}

/**
 * One participant's add-on choices, named participants[i][addOns][] as the
 * sign-up's parser reads them; a sold-out add-on cannot be ticked (unless it
 * already is, so that it can be removed). Nothing when the event has none.
 */
export function AddOnChoices({
  page,
  offer,
  index,
  selected,
  errors,
}: {
  page: PageContext;
  offer: AddOnOffer;
  index: number;
  selected: readonly string[];
  errors: ErrorMap;
}): JSX.Element {
  if (offer.addOns.length === 0) return <></>;
  const { t } = page;
  return (
    <ChoiceGroup
      page={page}
      field={`participants.${index}.addOns`}
      name={`participants[${index}][addOns][]`}
      legend={registrationMessage(page.locale, 'registration.field.participant.addOns')}
      hint={t('signup.addOns.hint')}
      optional
      kind="checkbox"
      errors={errors}
      choices={offer.addOns.map((a) => {
        const checked = selected.includes(a.code);
        const soldOut = a.available === 0;
        return {
          value: a.code,
          label: addOnName(page, a),
          checked,
          disabled: soldOut && !checked,
          note: soldOut ? `${priceNote(page, offer, a.priceOre)} – ${t('signup.addOn.soldOut')}` : priceNote(page, offer, a.priceOre),
        };
      })}
    />
  );
}

/** Why the room-mate wish is asked: the price's double room, or the add-ons that give one. */
export function roomMateHint(page: PageContext, offer: AddOnOffer): string {
  if (offer.doubleRoom.inPrice) return page.t('signup.participant.roomMateInPrice');
  const names = offer.addOns.filter((a) => offer.doubleRoom.addOnCodes.includes(a.code)).map((a) => addOnName(page, a));
  return page.t('signup.participant.roomMateAddOn', { addOns: names.join(page.locale === 'da' ? ' eller ' : ' or ') });
}
