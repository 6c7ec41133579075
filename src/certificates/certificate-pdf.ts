/**
 * The certificate (kursusbevis) as a one-page A4 PDF in the participant's
 * language: name, course, dates, hours, the learning content staff wrote,
 * the organiser, the signature image, and the verification code with a QR
 * code of the verification page's address.
 */
import type QRCodeModule from 'qrcode';
import { formatDate } from '../lib/dates.js';
import { lazyRequire } from '../lib/lazy.js';
import { translator, type Locale } from '../web/i18n.js';
import { startPdf } from '../web/pdf.js';

const qrcode = lazyRequire<typeof QRCodeModule>('qrcode');

export interface CertificateFacts {
  code: string;
  participantName: string;
  courseTitle: string;
  organiser: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  locale: Locale;
  learningContent: string;
  signerName: string;
  signerTitle: string;
  /** PNG bytes, checked at upload. */
  signature: Buffer | null;
  verifyUrl: string;
  revoked: boolean;
}

/** "15. september 2026" or "15.–16. september 2026"-like text: the first and the last day. */
export function datesText(startsAt: string, endsAt: string, locale: Locale): string {
  const from = formatDate(startsAt, locale);
  const to = formatDate(endsAt, locale);
  return from === to ? from : `${from} – ${to}`;
}

export function hoursText(hours: number, locale: Locale): string {
  const n = hours.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  return translator(locale)(hours === 1 ? 'certificates.pdf.hour' : 'certificates.pdf.hours', { n });
}

export async function certificatePdf(f: CertificateFacts): Promise<Buffer> {
  const t = translator(f.locale);
  const qr = await qrcode().toBuffer(f.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const { doc, done } = startPdf({
    title: `${t('certificates.pdf.title')}: ${f.participantName}`,
    author: f.organiser,
    subject: f.courseTitle,
    lang: f.locale === 'da' ? 'da-DK' : 'en-GB',
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  doc.fillColor('#1a1a1a');
  doc.font('bold').fontSize(30).text(t('certificates.pdf.title'), { align: 'center' });
  if (f.revoked) doc.font('bold').fontSize(14).fillColor('#b00020').text(t('certificates.pdf.revoked'), { align: 'center' }).fillColor('#1a1a1a');
  doc.moveDown(1.5);
  doc.font('body').fontSize(13).text(t('certificates.pdf.confirms'), { align: 'center' });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(24).text(f.participantName, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('body').fontSize(13).text(t('certificates.pdf.attended'), { align: 'center' });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(18).text(f.courseTitle, { align: 'center' });
  doc.moveDown(0.6);
  doc
    .font('body')
    .fontSize(12)
    .text(datesText(f.startsAt, f.endsAt, f.locale), { align: 'center' });
  if (f.hours > 0) doc.text(`${t('certificates.pdf.scope')}: ${hoursText(f.hours, f.locale)}`, { align: 'center' });
  doc.text(`${t('certificates.pdf.organiser')}: ${f.organiser}`, { align: 'center' });
  if (f.learningContent.trim() !== '') {
    doc.moveDown(1.2);
    doc.font('bold').fontSize(13).text(t('certificates.pdf.content'), left, doc.y, { width });
    doc.font('body').fontSize(11).text(f.learningContent.trim().slice(0, 3000), { width, height: 220, ellipsis: true });
  }
  // The signature and the verification block keep to the lower part of the page.
  const bottom = doc.page.height - doc.page.margins.bottom;
  const signatureTop = bottom - 200;
  if (f.signature) doc.image(f.signature, left, signatureTop, { fit: [200, 60] });
  doc
    .moveTo(left, signatureTop + 66)
    .lineTo(left + 220, signatureTop + 66)
    .strokeColor('#4d4d4d')
    .stroke();
  doc
    .font('body')
    .fontSize(10)
    .text([f.signerName, f.signerTitle].filter((s) => s.trim() !== '').join(', ') || f.organiser, left, signatureTop + 72, { width: 240 });
  const qrSize = 96;
  doc.image(qr, left + width - qrSize, bottom - qrSize - 14, { width: qrSize, height: qrSize });
  doc
    .font('body')
    .fontSize(9)
    .text(`${t('certificates.pdf.verify')} ${f.verifyUrl}`, left, bottom - 60, { width: width - qrSize - 16 });
  doc
    .font('bold')
    .fontSize(10)
    .text(`${t('certificates.pdf.code')}: ${f.code}`, left, bottom - 26, { width: width - qrSize - 16, lineBreak: false });
  doc.end();
  return done;
}

/** Opens the image as pdfkit would, so an upload that pdfkit cannot draw is refused at upload, not at issue. */
export async function pdfCanDraw(png: Buffer): Promise<boolean> {
  const { doc, done } = startPdf({ title: 'check', author: 'Tilmeld', lang: 'da-DK' });
  try {
    doc.image(png, 0, 0, { fit: [10, 10] });
    return true;
  } catch {
    return false;
  } finally {
    doc.end();
    await done.catch(() => undefined);
  }
}
