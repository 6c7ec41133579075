/** Pieces the PDFs share: colours and a table that breaks across pages. */
export const INK = '#1a1a1a';
export const MUTED = '#4d4d4d';
export const ACCENT = '#004993';
export const RULE = '#bfbfbf';

export interface PdfColumn {
  header: string;
  /** Share of the width; the shares are scaled to fill it. */
  share: number;
  align?: 'left' | 'right';
}

/**
 * A simple table: the header row is repeated at the top of each page, a row
 * never splits across pages, and each cell wraps within its column.
 */
export function writeTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][], options: { size?: number } = {}): void {
  const size = options.size ?? 9;
  const { left, right, bottom } = doc.page.margins;
  const width = doc.page.width - left - right;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * width);
  const pad = 3;
  const heightOf = (cells: string[], font: 'body' | 'bold') =>
    Math.max(
      ...cells.map((c, i) =>
        doc
          .font(font)
          .fontSize(size)
          .heightOfString(c || ' ', { width: widths[i]! - 2 * pad }),
      ),
    ) +
    2 * pad;
  const drawRow = (cells: string[], font: 'body' | 'bold', y: number, h: number) => {
    let x = left;
    cells.forEach((c, i) => {
      doc
        .font(font)
        .fontSize(size)
        .fillColor(INK)
        .text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(font === 'bold' ? 0.8 : 0.4)
      .strokeColor(font === 'bold' ? INK : RULE)
      .stroke();
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, 'bold');
  let y = doc.y;
  drawRow(headers, 'bold', y, headerHeight);
  y += headerHeight;
  for (const row of rows) {
    const h = heightOf(row, 'body');
    if (y + h > doc.page.height - bottom) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, 'bold', y, headerHeight);
      y += headerHeight;
    }
    drawRow(row, 'body', y, h);
    y += h;
  }
  doc.x = left;
  doc.y = y + 8;
}
