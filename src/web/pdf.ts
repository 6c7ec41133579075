/**
 * One way to start a PDF: A4, IBM Plex Sans embedded (as `body` and `bold`),
 * collected into a Buffer. PDF's built-in Helvetica is not embedded and
 * cannot show every Danish letter safely, so every document uses this.
 */
import path from 'node:path';
import type PDFDocumentClass from 'pdfkit';
import { lazyRequire } from '../lib/lazy.js';
import { DKFDS_FONTS } from './assets.js';

const pdfkit = lazyRequire<typeof PDFDocumentClass>('pdfkit');

const FONT_DIR = path.join(DKFDS_FONTS, 'IBMPlexSans', 'complete', 'ttf');
export const PDF_FONT_FILES = {
  body: path.join(FONT_DIR, 'IBMPlexSans-Regular.ttf'),
  bold: path.join(FONT_DIR, 'IBMPlexSans-SemiBold.ttf'),
} as const;
/** Names to pass to `doc.font()`. */
export type PdfFont = keyof typeof PDF_FONT_FILES;

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47, e.g. da-DK. */
  lang: string;
}

export interface StartedPdf {
  doc: PDFKit.PDFDocument;
  /** The finished file, once `doc.end()` has been called. */
  done: Promise<Buffer>;
}

export function startPdf(info: PdfInfo, options: { margin?: number; layout?: 'portrait' | 'landscape' } = {}): StartedPdf {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    info: { Title: info.title, Author: info.author, ...(info.subject ? { Subject: info.subject } : {}) },
    lang: info.lang,
    // Pages stay in memory so footers with "page n of m" can be written at the end.
    bufferPages: true,
    // Screen readers and reuse: the title, not the file name, is shown.
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(PDF_FONT_FILES)) doc.registerFont(name, file);
  doc.font('body');
  return { doc, done };
}

/** Writes `text(page, pages)` centred at the foot of every page; call before `doc.end()`. */
export function writeFooters(doc: PDFKit.PDFDocument, text: (page: number, pages: number) => string, style: { size?: number; color?: string } = {}): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(style.size ?? 8)
      .fillColor(style.color ?? '#4d4d4d')
      .text(text(i + 1, range.count), left, doc.page.height - bottom / 2 - 8, { width: doc.page.width - left - right, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
