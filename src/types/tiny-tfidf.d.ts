// The parts of tiny-tfidf (plain ESM JavaScript, no bundled types) the gap report uses.
declare module "tiny-tfidf" {
  export class Corpus {
    constructor(names: string[], texts: string[], options?: { useDefaultStopwords?: boolean; customStopwords?: string[]; K1?: number; b?: number });
    getDocumentIdentifiers(): string[];
    getDocumentVector(identifier: string): Map<string, number>;
    getTopTermsForDocument(identifier: string, maxTerms?: number): [string, number][];
  }
  export class Similarity {
    constructor(corpus: Corpus);
    static cosineSimilarity(a: Map<string, number>, b: Map<string, number>): number;
    getDistanceMatrix(): { identifiers: string[]; matrix: number[][] };
  }
}
