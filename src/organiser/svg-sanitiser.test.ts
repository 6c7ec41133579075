import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitiseSvg } from './svg-sanitiser.js';
import { checkLogo } from './logo.js';

const cleaned = (svg: string) => {
  const result = sanitiseSvg(svg);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.svg;
};

/** What must never be in a stored logo, whatever was uploaded. */
function assertHarmless(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<foreignObject/i);
  expect(svg).not.toMatch(/\son[a-z]+\s*=/i);
  expect(svg).not.toMatch(/javascript:/i);
  expect(svg).not.toMatch(/data:/i);
  expect(svg).not.toMatch(/<!DOCTYPE|<!ENTITY/i);
  expect(svg).not.toMatch(/href="(?!#)/i);
  expect(svg).not.toMatch(/url\((?!#)/i);
  expect(svg).not.toMatch(/<style/i);
  expect(svg).not.toMatch(/<(image|iframe|embed|object|a|animate|set)\b/i);
}

describe('SVG logo sanitiser: known attacks', () => {
  it('keeps a plain drawing as it is (shapes, gradient, text)', () => {
    const svg = cleaned(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs><rect width="100" height="40" fill="url(#g)"/><text x="4" y="28" font-size="20">K&amp;S</text></svg>',
    );
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs><rect width="100" height="40" fill="url(#g)"/><text x="4" y="28" font-size="20">K&amp;S</text></svg>',
    );
  });

  it('removes <script> with its content', () => {
    const svg = cleaned('<svg><script>alert(1)</script><script type="text/ecmascript"><![CDATA[ fetch("//x") ]]></script><circle r="4"/></svg>');
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
  });

  it('removes onload and every other event handler, in any case', () => {
    const svg = cleaned('<svg onload="alert(1)"><rect ONCLICK="x()" onmouseover=\'y()\' width="1"/></svg>');
    assertHarmless(svg);
    expect(svg).toContain('<rect width="1"/>');
  });

  it('removes xlink:href and href to http, javascript: and data: URIs; keeps #references', () => {
    const svg = cleaned(
      '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="http://evil.example/x.svg#a"/><use href="javascript:alert(1)"/><use href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/><use xlink:href="#logo"/></svg>',
    );
    assertHarmless(svg);
    expect(svg).toContain('<use href="#logo"/>');
    expect(svg.match(/<use/g)).toHaveLength(4);
  });

  it('removes <image>, <a>, <animate> and <set> (links, loads and attribute rewrites)', () => {
    const svg = cleaned(
      '<svg><image href="https://evil.example/p.png"/><a href="javascript:alert(1)"><text>x</text></a><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onmouseover" to="alert(1)"/></svg>',
    );
    assertHarmless(svg);
  });

  it('removes <foreignObject> with the HTML inside it', () => {
    const svg = cleaned(
      '<svg><foreignObject width="9" height="9"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe></body></foreignObject></svg>',
    );
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('removes <style> sheets and style attributes that load anything', () => {
    const svg = cleaned(
      '<svg><style>@import url(https://evil.example/x.css);</style><rect style="fill: url(https://evil.example/a)" width="2"/><rect style="fill:red" width="3"/></svg>',
    );
    assertHarmless(svg);
    expect(svg).toContain('<rect width="2"/>');
    expect(svg).toContain('<rect style="fill:red" width="3"/>');
  });

  it('refuses a DOCTYPE and entity expansion (billion laughs, external entities)', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><svg><text>&lol2;</text></svg>';
    expect(sanitiseSvg(laughs)).toEqual({ ok: false, reason: 'doctype' });
    expect(sanitiseSvg('<!ENTITY x SYSTEM "file:///etc/passwd"><svg/>')).toEqual({ ok: false, reason: 'entity' });
    expect(sanitiseSvg('<svg><text>&xxe;</text></svg>')).toEqual({ ok: false, reason: 'entity' });
  });

  it('refuses what is not an SVG or not well-formed', () => {
    expect(sanitiseSvg('<html><script>alert(1)</script></html>')).toEqual({ ok: false, reason: 'not_svg' });
    expect(sanitiseSvg('<svg><g></svg>')).toEqual({ ok: false, reason: 'malformed' });
    expect(sanitiseSvg('<svg a="1" a="2"/>')).toEqual({ ok: false, reason: 'malformed' });
    expect(sanitiseSvg('<svg/><script/>')).toEqual({ ok: false, reason: 'malformed' });
    expect(sanitiseSvg('<svg>' + '<g>'.repeat(60) + '</g>'.repeat(60) + '</svg>')).toEqual({ ok: false, reason: 'too_deep' });
  });

  it('decodes character references before checking, so an encoded javascript: is still caught', () => {
    const svg = cleaned('<svg><use href="&#106;avascript:alert(1)"/><rect fill="u&#114;l(https://x.example)"/></svg>');
    assertHarmless(svg);
  });

  it('tells PNG and SVG by content and refuses anything else', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff610000000049454e44ae426082', 'hex');
    expect(checkLogo(png)).toMatchObject({ ok: true, type: 'image/png' });
    expect(checkLogo(Buffer.from('GIF89a...'))).toEqual({ ok: false, error: 'unknown_type' });
    expect(checkLogo(Buffer.from('<svg onload="x()"/>'))).toMatchObject({ ok: true, type: 'image/svg+xml' });
    expect(checkLogo(Buffer.from('<!DOCTYPE svg><svg/>'))).toEqual({ ok: false, error: 'svg_doctype' });
    expect(checkLogo(Buffer.alloc(300_000, 0x20))).toEqual({ ok: false, error: 'too_large' });
  });
});

describe('SVG logo sanitiser: hostile input (fast-check)', () => {
  const hostileAttr = fc.constantFrom(
    ['onload', 'alert(1)'],
    ['onerror', 'x()'],
    ['href', 'http://evil.example/'],
    ['xlink:href', 'javascript:alert(1)'],
    ['href', 'data:text/html,<script>'],
    ['style', 'background:url(//evil.example)'],
    ['fill', 'url(https://evil.example#a)'],
    ['fill', '#c00'],
    ['width', '10'],
  );
  const name = fc.constantFrom('g', 'rect', 'script', 'foreignObject', 'a', 'image', 'use', 'text', 'style', 'iframe', 'svg:script', 'animate');
  const leaf = fc.tuple(name, fc.array(hostileAttr, { maxLength: 4 }), fc.string({ maxLength: 12 })).map(([n, attrs, text]) => {
    const unique = new Map(attrs.map(([k, v]) => [k, v]));
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const attrText = [...unique].map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}"`).join('');
    return `<${n}${attrText}>${escaped}</${n}>`;
  });
  const doc = fc.array(leaf, { maxLength: 8 }).map((children) => `<svg viewBox="0 0 10 10">${children.join('')}</svg>`);

  it('never lets a script, handler, foreignObject or outside reference through', () => {
    fc.assert(
      fc.property(doc, (svg) => {
        const result = sanitiseSvg(svg);
        expect(result.ok).toBe(true);
        if (result.ok) assertHarmless(result.svg);
      }),
      { numRuns: 300 },
    );
  });

  it('cleans its own output to the same text (nothing left to remove)', () => {
    fc.assert(
      fc.property(doc, (svg) => {
        const first = sanitiseSvg(svg);
        if (!first.ok) return;
        const second = sanitiseSvg(first.svg);
        expect(second).toEqual({ ok: true, svg: first.svg, removed: 0 });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text: cleaned or refused with a reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = sanitiseSvg(`<svg>${text}</svg>`);
        if (result.ok) assertHarmless(result.svg);
        else expect(['malformed', 'entity', 'doctype', 'not_svg', 'too_deep', 'too_many']).toContain(result.reason);
      }),
      { numRuns: 300 },
    );
  });
});
