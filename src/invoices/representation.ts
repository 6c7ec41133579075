/**
 * Content negotiation for one invoice: the client's Accept header decides
 * between JSON, the UBL XML and the PDF, honouring q-values (RFC 9110).
 */
export const REPRESENTATIONS = ['application/json', 'application/xml', 'application/pdf'] as const;
export type Representation = (typeof REPRESENTATIONS)[number];

// A Map, not an object: an Accept of "__proto__" must not find Object.prototype.
const ALIASES = new Map<string, Representation>([['text/xml', 'application/xml']]);

interface Range {
  type: string;
  q: number;
  order: number;
}

function parseRanges(header: string): Range[] {
  return header
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part
        .trim()
        .toLowerCase()
        .split(';')
        .map((s) => s.trim());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { type, q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0, order };
    })
    .filter((r) => r.type.length > 0 && r.q > 0);
}

function matching(range: string): Representation | null {
  if (range === '*/*' || range === 'application/*') return 'application/json';
  const alias = ALIASES.get(range);
  if (alias) return alias;
  return (REPRESENTATIONS as readonly string[]).includes(range) ? (range as Representation) : null;
}

/** JSON when there is no Accept header; null when nothing acceptable is offered (answer 406). */
export function preferredRepresentation(accept: string | undefined): Representation | null {
  if (!accept || !accept.trim()) return 'application/json';
  const ranked = parseRanges(accept).sort((a, b) => b.q - a.q || a.order - b.order);
  for (const range of ranked) {
    const found = matching(range.type);
    if (found) return found;
  }
  return null;
}
