/** The certificate settings as the form and the API post them, checked the same way. */
import { formField } from '../admin/form.js';
import { textField, textIssueOf } from '../web/forms/form-text.js';
import type { FormError } from '../web/forms/errors.js';
import type { Translate } from '../web/i18n.js';
import type { CertificateSettings } from './certificates.service.js';
import { ISSUE_WHEN, type IssueWhen } from './certificates.table.js';
import type { SettingsDraft } from './views/CertificatesPage.js';

const learningText = textField(3000, { multiline: true });
const signerText = textField(120);

export function parseSettings(
  draft: SettingsDraft,
  t: Translate,
  current: CertificateSettings,
): { ok: true; settings: CertificateSettings } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const threshold = /^\d{1,3}$/.test(draft.threshold.trim()) ? Number(draft.threshold.trim()) : NaN;
  if (!(threshold >= 1 && threshold <= 100)) errors.push({ key: 'threshold', id: 'threshold', message: t('certificates.error.threshold') });
  const texts: Record<string, string> = {};
  for (const [key, schema, max] of [
    ['learningContent', learningText, 3000],
    ['signerName', signerText, 120],
    ['signerTitle', signerText, 120],
  ] as const) {
    const parsed = schema.safeParse(draft[key]);
    if (parsed.success) texts[key] = parsed.data;
    else
      errors.push({
        key,
        id: key,
        message: textIssueOf(parsed.error.issues[0]!) === 'too_long' ? t('certificates.error.tooLong', { max }) : t('certificates.error.characters'),
      });
  }
  if (errors.length > 0) return { ok: false, errors };
  const issueWhen: IssueWhen = (ISSUE_WHEN as readonly string[]).includes(draft.issueWhen) ? (draft.issueWhen as IssueWhen) : 'event_end';
  return {
    ok: true,
    settings: {
      ...current,
      enabled: draft.enabled,
      issueWhen,
      thresholdPercent: threshold,
      learningContent: texts.learningContent!,
      signerName: texts.signerName!,
      signerTitle: texts.signerTitle!,
    },
  };
}

export function settingsDraftFrom(body: unknown): SettingsDraft {
  return {
    enabled: formField(body, 'enabled') === '1',
    issueWhen: formField(body, 'issueWhen') ?? '',
    threshold: formField(body, 'threshold') ?? '',
    learningContent: formField(body, 'learningContent') ?? '',
    signerName: formField(body, 'signerName') ?? '',
    signerTitle: formField(body, 'signerTitle') ?? '',
  };
}
