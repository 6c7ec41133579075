/** The part of SaxonJS 2 the Schematron runner uses (the package ships no types). */
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal?: unknown;
    stylesheetText?: string;
    sourceText?: string;
    destination?: 'raw' | 'serialized' | 'document' | 'application';
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: 'sync'): { principalResult: unknown };
    XPath: { evaluate(expression: string, context?: unknown, options?: Record<string, unknown>): unknown };
  };
  export default SaxonJS;
}
