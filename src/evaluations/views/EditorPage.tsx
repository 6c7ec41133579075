import type { AdminPageContext } from '../../admin/page.js';
import { AdminLayout } from '../../web/admin/AdminLayout.js';
import { Errors, titleWithErrors } from '../../web/admin/parts.js';
import { ChoiceGroup, errorMap, SingleCheckbox, TextField } from '../../web/forms/fields.js';
import { CsrfField } from '../../web/views/CsrfField.js';
import type { EditorDraft, EditorError } from '../evaluation-editor.js';
import { evaluationPaths } from '../paths.js';
import { QUESTION_KINDS, QUESTION_TEXT_MAX } from '../questions.js';

/** The questions in Danish and English with "remove", one new question, and when the evaluation is sent. */
export function EditorPage({
  page,
  event,
  draft,
  errors,
}: {
  page: AdminPageContext;
  event: { id: number; title: string };
  draft: EditorDraft;
  errors: EditorError[];
}): JSX.Element {
  const { t } = page;
  const map = errorMap(errors);
  const heading = t('evaluations.edit.heading');
  return (
    <AdminLayout page={page} title={titleWithErrors(page, `${heading} – ${event.title}`, errors)} section="events">
      <p class="tilmeld-meta">
        <a href={evaluationPaths.results(event.id)} class="function-link" safe>
          {t('evaluations.admin.heading', { event: event.title })}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      <p class="font-lead" safe>
        {t('evaluations.edit.lede')}
      </p>
      <Errors page={page} errors={errors} />
      <form method="post" action={evaluationPaths.questions(event.id)} novalidate>
        <CsrfField token={page.csrfToken} />
        {draft.questions.map((x, i) => (
          <fieldset class="tilmeld-fieldset">
            <legend class="h3" safe>{`${i + 1}. ${t(`evaluations.admin.kind.${x.kind}`)}`}</legend>
            <TextField
              page={page}
              field={`da-${i}`}
              name={`da-${i}`}
              label={t('evaluations.edit.da')}
              value={x.da}
              errors={map}
              maxLength={QUESTION_TEXT_MAX}
            />
            <TextField
              page={page}
              field={`en-${i}`}
              name={`en-${i}`}
              label={t('evaluations.edit.en')}
              value={x.en}
              errors={map}
              maxLength={QUESTION_TEXT_MAX}
              optional
            />
            <SingleCheckbox page={page} field={`remove-${i}`} name={`remove-${i}`} label={t('evaluations.edit.remove')} checked={x.remove} errors={map} />
          </fieldset>
        ))}
        <fieldset class="tilmeld-fieldset">
          <legend class="h3" safe>
            {t('evaluations.edit.new')}
          </legend>
          <TextField
            page={page}
            field="new-da"
            name="new-da"
            label={t('evaluations.edit.da')}
            value={draft.newDa}
            errors={map}
            maxLength={QUESTION_TEXT_MAX}
            optional
          />
          <TextField
            page={page}
            field="new-en"
            name="new-en"
            label={t('evaluations.edit.en')}
            value={draft.newEn}
            errors={map}
            maxLength={QUESTION_TEXT_MAX}
            optional
          />
          <ChoiceGroup
            page={page}
            field="new-kind"
            name="new-kind"
            legend={t('evaluations.edit.newKind')}
            kind="radio"
            errors={map}
            choices={QUESTION_KINDS.map((k) => ({ value: k, label: t(`evaluations.admin.kind.${k}`), checked: draft.newKind === k }))}
          />
        </fieldset>
        <fieldset class="tilmeld-fieldset">
          <legend class="h3" safe>
            {t('evaluations.edit.sending')}
          </legend>
          <SingleCheckbox page={page} field="autoSend" name="autoSend" label={t('evaluations.edit.autoSend')} checked={draft.autoSend} errors={map} />
          <TextField
            page={page}
            field="hours"
            name="hours"
            label={t('evaluations.edit.hours')}
            value={draft.hours}
            errors={map}
            maxLength={4}
            inputmode="numeric"
            width="xs"
          />
          <TextField
            page={page}
            field="days"
            name="days"
            label={t('evaluations.edit.days')}
            value={draft.days}
            errors={map}
            maxLength={4}
            inputmode="numeric"
            width="xs"
          />
        </fieldset>
        <button type="submit" class="button button-primary" safe>
          {t('evaluations.edit.save')}
        </button>
      </form>
    </AdminLayout>
  );
}
