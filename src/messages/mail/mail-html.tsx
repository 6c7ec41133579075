/**
 * The HTML version of a mail: one column, real headings and lists, the
 * language set, inline styles only (mail programs drop style sheets), and
 * every text escaped.
 */
import type { MailBlock, MailContent } from './content.js';

const FONT = 'font-family: Arial, Helvetica, sans-serif; color: #1a1a1a;';

function Block({ block }: { block: MailBlock }): JSX.Element {
  switch (block.kind) {
    case 'image':
      return (
        <p style="margin: 0 0 16px;">
          <img src={block.src} alt={block.alt} width={String(block.size)} height={String(block.size)} style="display: block; border: 0;" />
        </p>
      );
    case 'p':
      return (
        <p style={`${FONT} font-size: 16px; line-height: 1.5; margin: 0 0 16px; white-space: pre-line;`} safe>
          {block.text}
        </p>
      );
    case 'h':
      return block.level === 2 ? (
        <h2 style={`${FONT} font-size: 20px; margin: 24px 0 8px;`} safe>
          {block.text}
        </h2>
      ) : (
        <h3 style={`${FONT} font-size: 17px; margin: 16px 0 8px;`} safe>
          {block.text}
        </h3>
      );
    case 'dl': {
      const rows = block.rows.filter(([, v]) => v.trim() !== '');
      if (rows.length === 0) return '';
      return (
        <dl style={`${FONT} font-size: 16px; line-height: 1.5; margin: 0 0 16px;`}>
          {rows.map(([term, value]) => (
            <>
              <dt style="font-weight: bold;" safe>
                {term}
              </dt>
              <dd style="margin: 0 0 8px 0; white-space: pre-line;" safe>
                {value}
              </dd>
            </>
          ))}
        </dl>
      );
    }
    case 'ul':
      if (block.items.length === 0) return '';
      return (
        <ul style={`${FONT} font-size: 16px; line-height: 1.5; margin: 0 0 16px; padding-left: 24px;`}>
          {block.items.map((item) => (
            <li style="white-space: pre-line;" safe>
              {item}
            </li>
          ))}
        </ul>
      );
    case 'link':
      return (
        <p style={`${FONT} font-size: 16px; margin: 0 0 16px;`}>
          <a href={block.url} style="color: #0059b3; font-weight: bold; text-decoration: underline;" safe>
            {block.label}
          </a>
          <br />
          <span style="font-size: 14px; color: #454545; word-break: break-all;" safe>
            {block.url}
          </span>
        </p>
      );
  }
}

/** The whole HTML document of a mail. */
export function renderHtml(content: MailContent): string {
  return ('<!doctype html>' +
  (
    <html lang={content.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title safe>{content.subject}</title>
      </head>
      <body style="margin: 0; padding: 0; background: #ffffff;">
        <div role="article" aria-label={content.subject} lang={content.locale} style="max-width: 640px; margin: 0 auto; padding: 24px 16px;">
          {content.blocks.map((block) => (
            <Block block={block} />
          ))}
          <hr style="border: 0; border-top: 1px solid #bfbfbf; margin: 24px 0 16px;" />
          <p style={`${FONT} font-size: 14px; color: #454545; margin: 0;`} safe>
            {content.footer}
          </p>
        </div>
      </body>
    </html>
  )) as string;
}
