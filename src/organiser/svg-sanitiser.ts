/**
 * The organiser's SVG logo, cleaned before it is stored: the file is parsed
 * (a small strict XML reader, no entities, no DOCTYPE), every element and
 * attribute is kept only when it is on the lists below, and the result is
 * written out again from the parsed tree, so nothing the reader did not
 * understand can pass through. Scripts, event handlers, foreignObject, style
 * sheets and every reference outside the file (href, url(), data:) are
 * removed; a file that cannot be read safely is refused with a reason.
 */

export const SVG_LIMITS = { bytes: 200_000, depth: 40, elements: 5_000 } as const;

export type SvgRefusal = 'not_svg' | 'malformed' | 'doctype' | 'entity' | 'too_deep' | 'too_many';
export type SvgClean = { ok: true; svg: string; removed: number } | { ok: false; reason: SvgRefusal };

const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'use',
  'symbol',
]);

const ATTRIBUTES = new Set([
  'id',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'width',
  'height',
  'viewBox',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'fill-opacity',
  'fill-rule',
  'clip-rule',
  'opacity',
  'transform',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'points',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'fx',
  'fy',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'clip-path',
  'mask',
  'preserveAspectRatio',
  'version',
  'role',
  'aria-label',
  'aria-hidden',
  'focusable',
  'dx',
  'dy',
  'visibility',
  'display',
  'maskUnits',
  'clipPathUnits',
  'vector-effect',
  'href',
  'xlink:href',
  'style',
]);

/** A reference inside the file ("#id") is the only kind kept. */
const LOCAL_REF = /^#[A-Za-z_][\w.-]*$/;
/** url(#id) is the only url() kept in a value; anything else marks it unsafe. */
const URL_CALL = /url\s*\(/gi;
const LOCAL_URL = /^url\(\s*#[A-Za-z_][\w.-]*\s*\)/i;

interface Element {
  name: string;
  attributes: Array<[string, string]>;
  children: Node[];
}
type Node = Element | { text: string };

class Refused extends Error {
  constructor(readonly reason: SvgRefusal) {
    super(reason);
  }
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character and the five predefined references; any other entity is refused (no expansion, no DOCTYPE). */
function decode(raw: string): string {
  return raw.replace(/&([^;&\s<]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Refused('malformed');
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const num = /^#x([0-9a-f]{1,6})$/i.exec(ref) ?? /^#(\d{1,7})$/.exec(ref);
    if (!num) throw new Refused('entity');
    const code = parseInt(num[1]!, ref[1] === 'x' || ref[1] === 'X' ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Refused('malformed');
    return String.fromCodePoint(code);
  });
}

/** Reads the document into a tree; throws Refused. */
function parse(source: string): Element {
  let i = 0;
  let count = 0;
  const stack: Element[] = [];
  let root: Element | undefined;
  const top = () => stack[stack.length - 1];
  const skipTo = (end: string) => {
    const at = source.indexOf(end, i);
    if (at < 0) throw new Refused('malformed');
    const body = source.slice(i, at);
    i = at + end.length;
    return body;
  };
  while (i < source.length) {
    if (source[i] !== '<') {
      const next = source.indexOf('<', i);
      const raw = source.slice(i, next < 0 ? source.length : next);
      i = next < 0 ? source.length : next;
      const text = decode(raw);
      if (top()) top()!.children.push({ text });
      else if (text.trim() !== '') throw new Refused('malformed');
      continue;
    }
    if (source.startsWith('<!--', i)) {
      i += 4;
      skipTo('-->');
      continue;
    }
    if (source.startsWith('<![CDATA[', i)) {
      i += 9;
      const text = skipTo(']]>');
      if (!top()) throw new Refused('malformed');
      top()!.children.push({ text });
      continue;
    }
    if (source.startsWith('<!', i)) {
      // DOCTYPE, ENTITY and the like: the way to entity expansion and external files.
      throw new Refused(/^<!doctype/i.test(source.slice(i, i + 9)) ? 'doctype' : 'entity');
    }
    if (source.startsWith('<?', i)) {
      i += 2;
      skipTo('?>');
      continue;
    }
    if (source.startsWith('</', i)) {
      i += 2;
      const name = NAME.exec(source.slice(i))?.[0];
      if (!name || top()?.name !== name) throw new Refused('malformed');
      i += name.length;
      const close = /^\s*>/.exec(source.slice(i));
      if (!close) throw new Refused('malformed');
      i += close[0].length;
      const done = stack.pop()!;
      if (stack.length === 0) root = done;
      continue;
    }
    i += 1;
    const name = NAME.exec(source.slice(i))?.[0];
    if (!name) throw new Refused('malformed');
    i += name.length;
    if (root) throw new Refused('malformed');
    if (++count > SVG_LIMITS.elements) throw new Refused('too_many');
    const element: Element = { name, attributes: [], children: [] };
    for (;;) {
      const space = /^\s*/.exec(source.slice(i))![0];
      i += space.length;
      if (source.startsWith('/>', i) || source[i] === '>') break;
      if (space === '') throw new Refused('malformed');
      const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(i));
      if (!attr) throw new Refused('malformed');
      if (element.attributes.some(([n]) => n === attr[1])) throw new Refused('malformed');
      element.attributes.push([attr[1]!, decode(attr[3] ?? attr[4] ?? '')]);
      i += attr[0].length;
    }
    const selfClosing = source.startsWith('/>', i);
    i += selfClosing ? 2 : 1;
    if (top()) top()!.children.push(element);
    if (selfClosing) {
      if (stack.length === 0) root = element;
    } else {
      stack.push(element);
      if (stack.length > SVG_LIMITS.depth) throw new Refused('too_deep');
    }
  }
  if (stack.length > 0 || !root) throw new Refused('malformed');
  return root;
}

/** A value that names nothing outside the file. */
function safeValue(name: string, value: string): boolean {
  if (/[\\\u0000-\u0008]/.test(value)) return false;
  if (/javascript:|data:|@import|expression\s*\(/i.test(value)) return false;
  if (name === 'href' || name === 'xlink:href') return LOCAL_REF.test(value.trim());
  for (const m of value.matchAll(URL_CALL)) {
    if (!LOCAL_URL.test(value.slice(m.index))) return false;
  }
  return true;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

function write(element: Element, counter: { removed: number }, isRoot: boolean): string {
  const attributes: string[] = [];
  if (isRoot) attributes.push('xmlns="http://www.w3.org/2000/svg"');
  for (const [name, value] of element.attributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (!ATTRIBUTES.has(name) || !safeValue(name, value)) {
      counter.removed += 1;
      continue;
    }
    // xlink:href is written as plain href (SVG 2), so no namespace declaration is needed.
    attributes.push(`${name === 'xlink:href' ? 'href' : name}="${escapeAttr(value)}"`);
  }
  const children = element.children
    .map((child) => {
      if ('text' in child) return escapeText(child.text);
      if (!ELEMENTS.has(child.name) || child.name === 'svg') {
        counter.removed += 1;
        return '';
      }
      return write(child, counter, false);
    })
    .join('');
  const open = `<${element.name}${attributes.map((a) => ` ${a}`).join('')}`;
  return children === '' ? `${open}/>` : `${open}>${children}</${element.name}>`;
}

/** The logo cleaned, or why it cannot be. */
export function sanitiseSvg(input: string | Uint8Array): SvgClean {
  const source = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (source.length > SVG_LIMITS.bytes) return { ok: false, reason: 'too_many' };
  try {
    const root = parse(source.replace(/^\uFEFF/, ''));
    if (root.name !== 'svg') return { ok: false, reason: 'not_svg' };
    const counter = { removed: 0 };
    return { ok: true, svg: write(root, counter, true), removed: counter.removed };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}
