import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMarkdown } from './markdown.js';

const site = 'https://kurser.example.dk';

describe('renderMarkdown', () => {
  it('renders subheadings, quotes, lists and links', () => {
    const html = renderMarkdown(
      '## Fokuser på relationerne\n\n> Det at skabe velfærd er en kompliceret opgave.\n\n- tillid\n- relationer\n\n1. et\n2. to\n\n[Skanderborg](https://www.skanderborg.dk) og *kursiv*',
      site,
    );
    expect(html).toContain('<h2>Fokuser på relationerne</h2>');
    expect(html).toContain('<blockquote>\n<p>Det at skabe velfærd er en kompliceret opgave.</p>\n</blockquote>');
    expect(html).toContain('<ul>\n<li>tillid</li>');
    expect(html).toContain('<ol>\n<li>et</li>');
    expect(html).toContain('<a href="https://www.skanderborg.dk" rel="noopener">Skanderborg</a>');
    expect(html).toContain('<em>kursiv</em>');
  });

  it('nests the text under a section heading when asked to start at h3', () => {
    expect(renderMarkdown('# Et\n\n## To\n\n###### Seks', undefined, 3)).toBe('<h3>Et</h3>\n<h4>To</h4>\n<h6>Seks</h6>\n');
    // The same text at the default level is a separate rendering, not the cached h3 one.
    expect(renderMarkdown('# Et\n\n## To\n\n###### Seks')).toBe('<h2>Et</h2>\n<h3>To</h3>\n<h6>Seks</h6>\n');
  });

  it('moves headings down so the text never has an h1, keeping their order', () => {
    expect(renderMarkdown('# Et\n\n## To\n\n### Tre\n\n###### Seks')).toBe('<h2>Et</h2>\n<h3>To</h3>\n<h4>Tre</h4>\n<h6>Seks</h6>\n');
    expect(renderMarkdown('### Kun tredje niveau\n\n#### Fjerde')).toBe('<h2>Kun tredje niveau</h2>\n<h3>Fjerde</h3>\n');
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('Hej <script>alert(1)</script>\n\n<iframe src="https://x"></iframe>\n\n<b onclick="x()">fed</b>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<b ');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses dangerous link targets and does not load images', () => {
    const html = renderMarkdown('[klik](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![billede](https://tracker.example/p.gif)');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="data:');
    expect(html).not.toContain('<img');
  });

  it('adds rel="noopener" only to links that leave the site', () => {
    const html = renderMarkdown('[intern](/arrangementer/x) [egen](https://kurser.example.dk/nyheder) [mail](mailto:a@b.dk) [ude](http://andet.dk)', site);
    expect(html).toContain('<a href="/arrangementer/x">intern</a>');
    expect(html).toContain('<a href="https://kurser.example.dk/nyheder">egen</a>');
    expect(html).toContain('<a href="mailto:a@b.dk">mail</a>');
    expect(html).toContain('<a href="http://andet.dk" rel="noopener">ude</a>');
  });

  it('links bare web addresses and gives tables the design-system class', () => {
    const html = renderMarkdown('Se https://www.kl.dk\n\n| a | b |\n| - | - |\n| 1 | 2 |', site);
    expect(html).toContain('<a href="https://www.kl.dk" rel="noopener">https://www.kl.dk</a>');
    expect(html).toContain('<table class="table">');
  });

  it('never lets a tag through from random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const html = renderMarkdown(`${text}<script>x</script><img src=x onerror=alert(1)>`);
        expect(html).not.toMatch(/<(script|img|iframe|style)\b/i);
        expect(html).not.toMatch(/<h1\b/);
      }),
      { numRuns: 300 },
    );
  });
});
