/**
 * A browser without JavaScript, for the sign-up form tests: keeps the CSRF
 * cookie, sends back the hidden fields of the page it got (as a browser does)
 * plus the fields a person fills in, and reads the page it gets back.
 */
import { escapeHtml } from '@kitajs/html';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';

export type Fields = Array<readonly [string, string]>;

/** The text of an HTML attribute value or text node. */
export function decode(s: string): string {
  return s
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The hidden fields of a page, decoded, in order. */
export function hiddenFields(html: string): Fields {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/?>/g)].map((m) => [decode(m[1]!), decode(m[2]!)] as const);
}

/** The start tag of the element with an id. Attribute values never hold a raw " or >, so this is exact. */
export function tagWithId(html: string, id: string): string | undefined {
  return new RegExp(`<(?:input|textarea|p|fieldset|a|div|span)\\b[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0];
}

/** The value attribute of the input with an id, decoded. */
export function valueOf(html: string, id: string): string | undefined {
  const tag = tagWithId(html, id);
  const m = tag ? /\svalue="([^"]*)"/.exec(tag) : null;
  return m ? decode(m[1]!) : undefined;
}

/** The step the page shows, from the step indicator. */
export function currentStep(html: string): number | undefined {
  const m = /<li class="current" aria-current="step"><span class="step"><span class="step-number"><span>(\d)<\/span>/.exec(html);
  return m ? Number(m[1]) : undefined;
}

export function titleOf(html: string): string {
  return decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
}

/** The links of the error summary: [target id, message]. */
export function summaryLinks(html: string): Array<[string, string]> {
  const summary = /<div class="alert alert-error"[^>]*data-error-summary[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...summary.matchAll(/<a href="#([^"]+)" class="function-link">([^<]*)<\/a>/g)].map((m) => [m[1]!, decode(m[2]!)]);
}

/** Asserts that a field shows an error beside it (DKFDS markup, ARIA) and in the summary at the top. */
export function expectFieldError(html: string, id: string, message: string): void {
  expect(summaryLinks(html), `summary link to #${id}`).toContainEqual([id, message]);
  expect(html, `message beside #${id}`).toContain(`<span class="form-error-message" id="${id}-error">`);
  const beside = new RegExp(`<span class="form-error-message" id="${id}-error"><span class="sr-only">[^<]*</span> ([^<]*)</span>`).exec(html);
  expect(beside?.[1], `text beside #${id}`).toBe(escapeHtml(message));
  const tag = tagWithId(html, id);
  expect(tag, `element #${id}`).toBeDefined();
  if (tag!.startsWith('<input') || tag!.startsWith('<textarea')) {
    expect(tag).toContain('aria-invalid="true"');
    // A single field names its error; in a group of choices the fieldset does.
    if (!/type="(checkbox|radio)"/.test(tag!) || id === 'acceptTerms') expect(tag).toMatch(new RegExp(`aria-describedby="[^"]*${id}-error`));
    else expect(html).toMatch(new RegExp(`<fieldset aria-describedby="[^"]*${id}-error"`));
  }
}

export class FormClient {
  cookie = '';
  html = '';
  status = 0;
  headers: Record<string, unknown> = {};

  constructor(
    private readonly app: App,
    readonly url: string,
  ) {}

  private remember(res: { statusCode: number; body: string; headers: Record<string, unknown>; cookies: Array<{ name: string; value: string }> }) {
    const c = res.cookies.find((x) => x.name === 'tilmeld_csrf');
    if (c) this.cookie = `tilmeld_csrf=${c.value}`;
    this.status = res.statusCode;
    this.html = res.body;
    this.headers = res.headers;
  }

  async open(): Promise<this> {
    this.remember(await this.app.inject({ url: this.url, headers: this.cookie ? { cookie: this.cookie } : {} }));
    return this;
  }

  /** Posts raw fields (nothing carried over). */
  async postRaw(fields: Fields, options: { cookie?: string | null } = {}): Promise<this> {
    const body = new URLSearchParams();
    for (const [k, v] of fields) body.append(k, v);
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    this.remember(
      await this.app.inject({
        method: 'POST',
        url: this.url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        payload: body.toString(),
      }),
    );
    return this;
  }

  /**
   * Submits the page's form as a browser would: its hidden fields, the given
   * visible fields and the button pressed (name="action").
   */
  async submit(action: string, visible: Fields | Record<string, string | string[]> = []): Promise<this> {
    const given: Fields = Array.isArray(visible)
      ? visible
      : Object.entries(visible).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
    return this.postRaw([...hiddenFields(this.html), ...given, ['action', action]]);
  }

  /** The fields shown on the current page with their values, as a browser would send them back untouched. */
  textValues(ids: Record<string, string>): Fields {
    return Object.entries(ids).map(([name, id]) => [name, valueOf(this.html, id) ?? ''] as const);
  }
}
