/**
 * "Opret arrangement": the first step, built from the editor's section
 * fields. It asks what a draft needs (the basics, when and where, the price
 * and the seats); the rest is filled in on the section pages afterwards.
 */
import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { ErrorSummary, signupScript } from '../../../web/forms/ErrorSummary.js';
import { attr, errorMap } from '../../../web/forms/fields.js';
import type { FormError } from '../../../web/forms/errors.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { EventFormDraft } from '../../event-form.js';
import { BasicsFields, CapacityField, PriceField, SessionTimeFields, VenueFields, type FormChoices } from './EventSectionPages.js';

export interface NewEventProps {
  page: AdminPageContext;
  draft: EventFormDraft;
  errors: ReadonlyArray<FormError>;
  choices: FormChoices;
}

export function NewEventPage({ page, draft, errors, choices }: NewEventProps): JSX.Element {
  const { t } = page;
  const e = errorMap(errors);
  const title = t('adminEvents.form.newTitle');
  const first = draft.sessions[0] ?? { date: '', start: '', end: '' };
  return (
    <AdminLayout page={page} title={(errors.length > 0 ? t('signup.errorPrefix') : '') + title} section="events" head={signupScript()}>
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      <p class="font-lead" safe>
        {t('eventSections.new.lede')}
      </p>
      <form method="post" action="/admin/events/new" novalidate id="event-form">
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={attr(draft.version)} />
        <h2 safe>{t('eventSections.name.grundoplysninger')}</h2>
        <BasicsFields page={page} draft={draft} e={e} choices={choices} />
        <h2 safe>{t('eventSections.name.tid-og-sted')}</h2>
        <fieldset>
          <legend class="h3" safe>
            {t('eventSections.when')}
          </legend>
          <p class="form-hint" safe>
            {t('eventSections.new.whenHint')}
          </p>
          <SessionTimeFields page={page} s={first} i="0" e={e} />
        </fieldset>
        <h3 safe>{t('adminEvents.form.venue')}</h3>
        <VenueFields page={page} draft={draft} e={e} choices={choices} />
        <h2 safe>{t('eventSections.new.priceAndSeats')}</h2>
        <PriceField page={page} value={draft.price} e={e} />
        <CapacityField page={page} value={draft.capacity} e={e} />
        <div class="tilmeld-form-actions">
          <button type="submit" name="action" value="save" class="button button-primary" safe>
            {t('adminEvents.form.create')}
          </button>
          <a href="/admin/events" class="button button-tertiary" safe>
            {t('adminEvents.form.cancel')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
