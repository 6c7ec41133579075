import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { fileTypeLabel, formatFileSize } from '../../../materials/file-info.js';
import { adminMaterialPaths } from '../../../materials/index.js';
import type { MaterialVisibility } from '../../../materials/materials.table.js';
import { ChoiceGroup, errorMap, ErrorMessage, TextField } from '../../../web/forms/fields.js';
import { Done } from '../../../web/forms/ErrorSummary.js';
import { ErrorSummary, signupScript } from '../../../web/forms/ErrorSummary.js';
import type { FormError } from '../../../web/forms/errors.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import { SelectField, type SelectOption } from '../../../web/forms/SelectField.js';
import { paths } from '../../../web/paths.js';
import { ARTICLE_LIMITS, type ArticleDraft, type ArticleState } from '../../news.admin.form.js';
import { adminNewsPaths } from '../../index.js';
import { StateBadge } from './parts.js';

export interface ArticleMaterialItem {
  id: number;
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  visibility: MaterialVisibility;
}

export interface SavedArticle {
  id: number;
  slug: string;
  state: ArticleState;
  publishedAt: string | null;
  materials: ArticleMaterialItem[];
}

export interface ArticleFormProps {
  page: AdminPageContext;
  /** Undefined for a new article. */
  saved?: SavedArticle | undefined;
  draft: ArticleDraft;
  errors: FormError[];
  eventOptions: SelectOption[];
  /** Rendered Markdown when the preview button was used. */
  preview?: { headline: string; lede: string; html: string } | undefined;
  notice?: string | undefined;
}

export const MAX_EVENT_SLOTS = ARTICLE_LIMITS.events;

/** How many event selects the form shows: those in use and two empty ones, at least three. */
export function eventSlots(chosen: number): number {
  return Math.min(MAX_EVENT_SLOTS, Math.max(3, chosen + 2));
}

function Preview({ page, preview }: { page: AdminPageContext; preview: NonNullable<ArticleFormProps['preview']> }): JSX.Element {
  const { t } = page;
  // Rendered by the public site's Markdown renderer with raw HTML off: safe to insert.
  const safeHtml = preview.html;
  return (
    <section class="tilmeld-preview" aria-labelledby="preview-heading" id="preview" tabindex="-1" data-focus-on-load="">
      <h2 id="preview-heading" safe>
        {t('news.admin.previewHeading')}
      </h2>
      <p class="form-hint" safe>
        {t('news.admin.previewNote')}
      </p>
      <article class="tilmeld-article" lang="da">
        <p class="h1" safe>
          {preview.headline}
        </p>
        {preview.lede ? (
          <p class="font-lead" safe>
            {preview.lede}
          </p>
        ) : (
          ''
        )}
        <div class="tilmeld-article-body">{safeHtml}</div>
      </article>
    </section>
  );
}

function Materials({ page, saved }: { page: AdminPageContext; saved: SavedArticle }): JSX.Element {
  const { t, locale } = page;
  return (
    <section aria-labelledby="materials-heading">
      <h2 id="materials-heading" safe>
        {t('news.admin.materials')}
      </h2>
      <p safe>{t('news.admin.materials.hint')}</p>
      {saved.materials.length === 0 ? (
        <p safe>{t('news.admin.materials.none')}</p>
      ) : (
        <ul>
          {saved.materials.map((m) => (
            <li>
              <a href={adminMaterialPaths.material(m.id)} safe>
                {m.title}
              </a>{' '}
              <span class="tilmeld-meta" safe>
                {`(${fileTypeLabel(m.contentType, m.filename)}, ${formatFileSize(m.sizeBytes, locale)}; ${t(`materials.admin.visibilityShort.${m.visibility}`)})`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={adminMaterialPaths.create({ article: saved.id })} class="button button-secondary" safe>
          {t('news.admin.materials.add')}
        </a>
      </p>
    </section>
  );
}

function Actions({ page, saved }: { page: AdminPageContext; saved: SavedArticle }): JSX.Element {
  const { t } = page;
  return (
    <div class="tilmeld-admin-actions">
      <ul class="nobullet-list">
        {saved.state === 'published' ? (
          <li>
            <a href={paths.article('da', saved.slug)} class="function-link" safe>
              {t('news.admin.view')}
            </a>
          </li>
        ) : (
          ''
        )}
        {saved.state !== 'draft' ? (
          <li>
            <form method="post" action={adminNewsPaths.unpublish(saved.id)}>
              <CsrfField token={page.csrfToken} />
              <button type="submit" class="button button-secondary" safe>
                {t('news.admin.unpublish')}
              </button>
            </form>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href={adminNewsPaths.remove(saved.id)} class="function-link" safe>
            {t('news.admin.delete')}
          </a>
        </li>
      </ul>
    </div>
  );
}

export function ArticleFormPage(p: ArticleFormProps): JSX.Element {
  const { page, draft, saved } = p;
  const { t } = page;
  const errors = errorMap(p.errors);
  const heading = saved ? t('news.admin.editTitle') : t('news.admin.newTitle');
  const title = (p.errors.length > 0 ? t('signup.errorPrefix') : '') + (saved ? `${heading}: ${draft.headline || ''}` : heading);
  const slots = eventSlots(draft.events.filter((e) => e !== '').length);
  const events = [...draft.events.filter((e) => e !== ''), ...Array<string>(MAX_EVENT_SLOTS).fill('')].slice(0, slots);
  const eventsError = errors.get('events');
  const bodyError = errors.get('body');
  const noEvent: SelectOption = { value: '', label: t('news.admin.field.event.none') };
  return (
    <AdminLayout page={page} title={title} section="news" head={signupScript()}>
      <h1 safe>{heading}</h1>
      {p.notice ? <Done text={p.notice} /> : ''}
      {saved ? (
        <p>
          <StateBadge page={page} state={saved.state} publishedAt={saved.publishedAt} />
        </p>
      ) : (
        ''
      )}
      {p.errors.length > 0 ? <ErrorSummary page={page} errors={p.errors} /> : ''}
      {p.preview && p.errors.length === 0 ? <Preview page={page} preview={p.preview} /> : ''}

      <form method="post" action={saved ? adminNewsPaths.article(saved.id) : adminNewsPaths.list()} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField
          page={page}
          field="headline"
          name="headline"
          label={t('news.admin.field.headline')}
          value={draft.headline}
          errors={errors}
          maxLength={ARTICLE_LIMITS.headline}
        />
        <TextField
          page={page}
          field="slug"
          name="slug"
          label={t('news.admin.field.slug')}
          hint={t('news.admin.field.slug.hint')}
          value={draft.slug}
          errors={errors}
          optional
          maxLength={ARTICLE_LIMITS.slug * 3}
          autocomplete="off"
        />
        <TextField
          page={page}
          field="lede"
          name="lede"
          label={t('news.admin.field.lede')}
          hint={t('news.admin.field.lede.hint')}
          value={draft.lede}
          errors={errors}
          optional
          multiline
          maxLength={ARTICLE_LIMITS.lede}
        />
        <TextField
          page={page}
          field="author"
          name="author"
          label={t('news.admin.field.author')}
          value={draft.author}
          errors={errors}
          optional
          maxLength={ARTICLE_LIMITS.author}
          autocomplete="name"
        />
        <div class={bodyError ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="body" safe>
            {t('news.admin.field.body')}
          </label>
          <span class="form-hint" id="body-hint" safe>
            {t('news.admin.field.body.hint')}
          </span>
          {bodyError ? <ErrorMessage page={page} id="body-error" message={bodyError.message} /> : ''}
          <textarea
            class="form-input tilmeld-markdown"
            id="body"
            name="body"
            rows="18"
            maxlength={ARTICLE_LIMITS.body}
            aria-describedby={bodyError ? 'body-hint body-error' : 'body-hint'}
            aria-invalid={bodyError ? 'true' : undefined}
            safe
          >
            {draft.body}
          </textarea>
        </div>

        <ChoiceGroup
          page={page}
          field="status"
          name="status"
          legend={t('news.admin.field.status')}
          kind="radio"
          errors={errors}
          choices={[
            { value: 'draft', label: t('news.admin.field.status.draft'), checked: draft.status !== 'publish' },
            { value: 'publish', label: t('news.admin.field.status.publish'), checked: draft.status === 'publish' },
          ]}
        />
        <fieldset aria-describedby="publish-at-hint">
          <legend class="form-label" safe>
            {t('news.admin.field.publishAt')}
          </legend>
          <span class="form-hint" id="publish-at-hint" safe>
            {t('news.admin.field.publishAt.hint')}
          </span>
          <TextField
            page={page}
            field="publishDate"
            name="publishDate"
            label={t('news.admin.field.publishDate')}
            value={draft.publishDate}
            errors={errors}
            optional
            width="s"
            inputmode="numeric"
            maxLength={10}
            autocomplete="off"
          />
          <TextField
            page={page}
            field="publishTime"
            name="publishTime"
            label={t('news.admin.field.publishTime')}
            value={draft.publishTime}
            errors={errors}
            optional
            width="xs"
            inputmode="numeric"
            maxLength={5}
            autocomplete="off"
          />
        </fieldset>

        <fieldset aria-describedby={eventsError ? 'events-hint events-error' : 'events-hint'} class={eventsError ? 'form-error' : undefined}>
          <legend class="form-label" safe>
            {t('news.admin.field.events')}
          </legend>
          <span class="form-hint" id="events-hint" safe>
            {t('news.admin.field.events.hint')}
          </span>
          {eventsError ? <ErrorMessage page={page} id="events-error" message={eventsError.message} /> : ''}
          {events.map((value, i) => (
            <SelectField
              page={page}
              id={i === 0 ? 'events' : `events-${i + 1}`}
              name="events"
              label={t('news.admin.field.event', { n: i + 1 })}
              options={[noEvent, ...p.eventOptions]}
              value={value}
            />
          ))}
        </fieldset>

        <div class="tilmeld-form-actions">
          <button type="submit" name="action" value="save" class="button button-primary" safe>
            {t('news.admin.save')}
          </button>{' '}
          <button type="submit" name="action" value="preview" class="button button-secondary" safe>
            {t('news.admin.preview')}
          </button>
        </div>
      </form>

      {saved ? <Materials page={page} saved={saved} /> : ''}
      {saved ? <Actions page={page} saved={saved} /> : ''}
      <p>
        <a href={adminNewsPaths.list()} class="function-link" safe>
          {t('news.admin.back')}
        </a>
      </p>
    </AdminLayout>
  );
}
