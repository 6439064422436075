// nlp.js ships no types; the bench uses only these entry points.
declare module "@nlpjs/core" {
  export function containerBootstrap(): Promise<{ use(plugin: unknown): void; get(name: string): unknown }>;
}
declare module "@nlpjs/nlp" {
  export const Nlp: unknown;
}
declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
}
