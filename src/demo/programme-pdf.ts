import type { DemoEvent, SessionInput, SpeakerInput } from './demo-event.js';
import type { EventType } from '../events/events.table.js';
import { formatDate, formatLongDate, formatTime, localDateKey } from '../lib/dates.js';
import { formatMoney, vatOre, vatPercentFor } from '../lib/money.js';
import { startPdf, writeFooters } from '../web/pdf.js';

const TYPE_LABEL: Record<EventType, string> = {
  kursus: 'Kursus',
  konference: 'Konference',
  doegnseminar: 'Døgnseminar',
  netvaerk: 'Netværk',
  webinar: 'Webinar',
};

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const ACCENT = '#004993';
const MARGIN = 56;
const TIME_WIDTH = 90;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function timeRange(s: SessionInput): string {
  return `${formatTime(s.startsAt, 'da').replace('kl. ', '')}–${formatTime(s.endsAt, 'da').replace('kl. ', '')}`;
}

/** A job title inside a sentence: "Sekretariatschef" → "sekretariatschef", but "IT-chef" stays. */
function inSentence(title: string): string {
  return /^\p{Lu}\p{Ll}/u.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

function speakerLine(sp: SpeakerInput): string {
  return [sp.name, sp.title ? inSentence(sp.title) : '', sp.organisation].filter(Boolean).join(', ');
}

function whenText(event: DemoEvent): string {
  const starts = event.sessions.map((s) => s.startsAt).sort();
  const ends = event.sessions.map((s) => s.endsAt).sort();
  const first = starts[0]!;
  const last = ends.at(-1)!;
  if (localDateKey(first) === localDateKey(last)) {
    return `${capitalise(formatLongDate(first, 'da'))}, ${formatTime(first, 'da')}–${formatTime(last, 'da').replace('kl. ', '')}`;
  }
  return `${capitalise(formatLongDate(first, 'da'))} ${formatTime(first, 'da')} til ${formatLongDate(last, 'da')} ${formatTime(last, 'da')}`;
}

function priceText(event: DemoEvent): string {
  if (event.priceOre === 0) return 'Gratis';
  const percent = vatPercentFor(event.vatMode);
  if (percent === 0) return `${formatMoney(event.priceOre, 'da')} (momsfri)`;
  const incl = event.priceOre + vatOre(event.priceOre, percent);
  return `${formatMoney(event.priceOre, 'da')} ekskl. moms (${formatMoney(incl, 'da')} inkl. ${percent} % moms)`;
}

/**
 * The printed programme of an event: title, time, place, price and each
 * session with its speakers, laid out on A4 with the font embedded. Built from
 * the same input as the event, so the two cannot disagree.
 */
export function programmePdf(event: DemoEvent, organiser: string): Promise<Buffer> {
  const { doc, done } = startPdf(
    { title: `${TYPE_LABEL[event.type]}: ${event.title}`, author: organiser, subject: 'Program', lang: 'da-DK' },
    { margin: MARGIN },
  );
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  doc.font('bold').fontSize(11).fillColor(ACCENT).text(`${TYPE_LABEL[event.type].toUpperCase()} · PROGRAM`);
  doc.moveDown(0.3);
  doc.font('bold').fontSize(22).fillColor(INK).text(event.title, { width });
  doc.moveDown(0.4);
  if (event.summary) doc.font('body').fontSize(11).fillColor(MUTED).text(event.summary, { width });
  doc.moveDown(0.8);

  const facts: [string, string][] = [['Tid', whenText(event)]];
  if (event.venue) {
    const v = event.venue;
    facts.push(['Sted', `${v.name}, ${v.address}, ${v.postalCode} ${v.city}`]);
  } else {
    facts.push(['Sted', 'Online. Du får linket, når du er tilmeldt.']);
  }
  facts.push(['Pris', priceText(event)]);
  if (event.included) facts.push(['Inkluderet', event.included]);
  if (event.signupClosesAt) facts.push(['Tilmelding', `Senest ${formatDate(event.signupClosesAt, 'da')}`]);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('bold').fontSize(10).fillColor(INK).text(label, MARGIN, y, { width: TIME_WIDTH });
    doc
      .font('body')
      .fontSize(10)
      .fillColor(INK)
      .text(value, MARGIN + TIME_WIDTH, y, { width: width - TIME_WIDTH });
    doc.moveDown(0.3);
  }

  doc.moveDown(0.8);
  doc.font('bold').fontSize(16).fillColor(ACCENT).text('Program', MARGIN, doc.y);
  const speakers = event.speakers ?? [];
  const sessions = [...event.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  let day = '';
  for (const s of sessions) {
    if (doc.y > bottom() - 70) doc.addPage();
    const key = localDateKey(s.startsAt);
    if (key !== day) {
      day = key;
      doc.moveDown(0.6);
      doc
        .font('bold')
        .fontSize(12)
        .fillColor(INK)
        .text(capitalise(formatLongDate(s.startsAt, 'da')), MARGIN, doc.y);
      doc
        .moveTo(MARGIN, doc.y + 2)
        .lineTo(MARGIN + width, doc.y + 2)
        .lineWidth(0.5)
        .strokeColor(MUTED)
        .stroke();
      doc.moveDown(0.4);
    }
    const y = doc.y;
    doc.font('body').fontSize(10).fillColor(MUTED).text(timeRange(s), MARGIN, y, { width: TIME_WIDTH });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(INK)
      .text(s.title, MARGIN + TIME_WIDTH, y, { width: width - TIME_WIDTH });
    const names = (s.speakers ?? []).map((i) => speakers[i]).filter((x): x is SpeakerInput => x !== undefined);
    const detail = [...names.map(speakerLine), s.room ?? ''].filter(Boolean);
    if (detail.length > 0) {
      doc
        .font('body')
        .fontSize(9)
        .fillColor(MUTED)
        .text(detail.join('\n'), MARGIN + TIME_WIDTH, doc.y, { width: width - TIME_WIDTH });
    }
    doc.moveDown(0.5);
  }

  const withBio = speakers.filter((sp) => sp.bio);
  if (withBio.length > 0) {
    if (doc.y > bottom() - 120) doc.addPage();
    doc.moveDown(0.8);
    doc.font('bold').fontSize(16).fillColor(ACCENT).text('Oplægsholdere', MARGIN, doc.y);
    doc.moveDown(0.3);
    for (const sp of withBio) {
      if (doc.y > bottom() - 60) doc.addPage();
      doc.font('bold').fontSize(10).fillColor(INK).text(speakerLine(sp), MARGIN, doc.y, { width });
      doc.font('body').fontSize(10).fillColor(MUTED).text(sp.bio!, { width });
      doc.moveDown(0.5);
    }
  }

  if (event.venue?.accessibility) {
    if (doc.y > bottom() - 80) doc.addPage();
    doc.moveDown(0.5);
    doc.font('bold').fontSize(12).fillColor(INK).text('Tilgængelighed', MARGIN, doc.y);
    doc.font('body').fontSize(10).fillColor(MUTED).text(event.venue.accessibility, { width });
  }

  writeFooters(doc, (page, pages) => `${organiser} · ${event.title} · side ${page} af ${pages}`, { color: MUTED });
  doc.end();
  return done;
}
