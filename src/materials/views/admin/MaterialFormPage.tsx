import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { formatDate } from '../../../lib/dates.js';
import type { FormError } from '../../../web/forms/errors.js';
import { attr, ChoiceGroup, errorMap, ErrorMessage, TextField } from '../../../web/forms/fields.js';
import { Done } from '../../../web/forms/ErrorSummary.js';
import { ErrorSummary, signupScript } from '../../../web/forms/ErrorSummary.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { SelectField, type SelectOption } from '../../../web/forms/SelectField.js';
import { fileTypeLabel, formatFileSize } from '../../file-info.js';
import { TITLE_MAX, type MaterialDraft } from '../../materials.admin.form.js';
import type { EditableMaterial } from '../../materials.admin.service.js';
import { MATERIAL_VISIBILITIES } from '../../materials.table.js';
import { ACCEPT_ATTRIBUTE } from '../../upload.js';
import { adminMaterialPaths } from './paths.js';

export interface MaterialFormProps {
  page: AdminPageContext;
  /** Undefined on the upload form. */
  saved?: EditableMaterial | undefined;
  draft: MaterialDraft;
  errors: FormError[];
  options: { events: SelectOption[]; articles: SelectOption[] };
  /** "25 MB" */
  maxSize: string;
  /** Where to go after saving: the article's page, the event's list, or the list. */
  returnTo: string;
  notice?: string | undefined;
}

export function MaterialFormPage(p: MaterialFormProps): JSX.Element {
  const { page, saved, draft } = p;
  const { t, locale } = page;
  const errors = errorMap(p.errors);
  const heading = saved ? t('materials.admin.editTitle') : t('materials.admin.uploadTitle');
  const title = (p.errors.length > 0 ? t('signup.errorPrefix') : '') + (saved ? `${heading}: ${saved.title}` : heading);
  const fileError = errors.get('file');
  const fileHintId = 'file-hint';
  const none: SelectOption = { value: '', label: t('materials.admin.field.none') };
  return (
    <AdminLayout page={page} title={title} section="materials" head={signupScript()}>
      <h1 safe>{heading}</h1>
      {p.notice ? <Done text={p.notice} /> : ''}
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      {saved ? (
        <dl class="tilmeld-summary">
          <dt safe>{t('materials.admin.current')}</dt>
          <dd>
            <a href={adminMaterialPaths.download(saved.id)} safe>
              {saved.filename}
            </a>{' '}
            <span class="tilmeld-meta" safe>{`(${fileTypeLabel(saved.contentType, saved.filename)}, ${formatFileSize(saved.sizeBytes, locale)})`}</span>
          </dd>
          <dt safe>{t('materials.admin.col.uploaded')}</dt>
          <dd safe>{formatDate(saved.createdAt, locale)}</dd>
        </dl>
      ) : (
        ''
      )}
      <form method="post" action={saved ? adminMaterialPaths.material(saved.id) : '/admin/materials'} enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="return" value={attr(p.returnTo)} />
        <div class={fileError ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="file" safe>
            {saved ? t('materials.admin.field.replace') : t('materials.admin.field.file')}
          </label>
          <span class="form-hint" id={fileHintId} safe>
            {saved ? t('materials.admin.field.replace.hint', { max: p.maxSize }) : t('materials.admin.field.file.hint', { max: p.maxSize })}
          </span>
          {fileError ? <ErrorMessage page={page} id="file-error" message={fileError.message} /> : ''}
          <input
            type="file"
            id="file"
            name="file"
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={fileError ? `${fileHintId} file-error` : fileHintId}
            aria-invalid={fileError ? 'true' : undefined}
            aria-required={saved ? undefined : 'true'}
          />
        </div>
        <TextField
          page={page}
          field="title"
          name="title"
          label={t('materials.admin.field.title')}
          hint={t('materials.admin.field.title.hint')}
          value={draft.title}
          errors={errors}
          optional
          maxLength={TITLE_MAX}
        />
        <ChoiceGroup
          page={page}
          field="visibility"
          name="visibility"
          legend={t('materials.admin.field.visibility')}
          kind="radio"
          errors={errors}
          choices={MATERIAL_VISIBILITIES.map((v) => ({ value: v, label: t(`materials.admin.visibility.${v}`), checked: draft.visibility === v }))}
        />
        <SelectField
          page={page}
          id="event"
          name="event"
          label={t('materials.admin.field.event')}
          hint={t('materials.admin.field.event.hint')}
          options={[none, ...p.options.events]}
          value={draft.event}
          error={errors.get('event')?.message}
        />
        <SelectField
          page={page}
          id="article"
          name="article"
          label={t('materials.admin.field.article')}
          options={[none, ...p.options.articles]}
          value={draft.article}
          error={errors.get('article')?.message}
        />
        <button type="submit" class="button button-primary" safe>
          {saved ? t('materials.admin.save') : t('materials.admin.doUpload')}
        </button>
      </form>
      {saved ? (
        <p>
          <a href={adminMaterialPaths.remove(saved.id)} class="function-link" safe>
            {t('materials.admin.delete')}
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={adminMaterialPaths.list()} class="function-link" safe>
          {t('materials.admin.back')}
        </a>
      </p>
    </AdminLayout>
  );
}
