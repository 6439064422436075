// Naive Bayes over binary features, scored on the features a message has:
// P(feature | label) is the share of the label's examples that contain it
// (smoothed). Per-example rather than per-word probabilities keep labels whose
// examples are long from being penalised on features every message shares.
// Small, deterministic and fast to train at start-up from example phrases.

export interface Scored<L> {
  label: L;
  /** Posterior probability after tempering (0..1, sums to 1 over labels). */
  p: number;
}

export class NaiveBayes<L extends string> {
  private readonly docCount = new Map<L, number>();
  private readonly featureCount = new Map<L, Map<string, number>>();
  private readonly vocabulary = new Set<string>();
  private total = 0;
  /**
   * log P(feature | label) for every label, per feature seen in training (an
   * unseen pair gets the smoothed zero count), plus the priors: each feature's
   * row is computed the first time a message has it, so ranking is additions.
   */
  private tables: { labels: L[]; priors: Float64Array; denoms: number[]; byFeature: Map<string, Float64Array> } | undefined;

  constructor(
    private readonly temperature = 1,
    private readonly uniformPrior = true,
    private readonly alpha = 0.1,
  ) {}

  learn(features: Iterable<string>, label: L): void {
    const unique = new Set(features);
    this.tables = undefined;
    this.total++;
    this.docCount.set(label, (this.docCount.get(label) ?? 0) + 1);
    const counts = this.featureCount.get(label) ?? new Map<string, number>();
    for (const f of unique) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      this.vocabulary.add(f);
    }
    this.featureCount.set(label, counts);
  }

  /** Labels ranked by posterior; features never seen in training are ignored. */
  rank(features: Iterable<string>): Scored<L>[] {
    const tables = (this.tables ??= this.buildTables());
    const { labels, priors, byFeature } = tables;
    const sums = Float64Array.from(priors);
    // Per label, the same terms added in the same order as summing label by label.
    for (const f of new Set(features)) {
      let terms = byFeature.get(f);
      if (!terms) {
        if (!this.vocabulary.has(f)) continue;
        terms = Float64Array.from(labels, (label, l) => Math.log((this.featureCount.get(label)!.get(f) ?? 0) + this.alpha) - tables.denoms[l]!);
        byFeature.set(f, terms);
      }
      for (let l = 0; l < sums.length; l++) sums[l] = sums[l]! + terms[l]!;
    }
    const logs = labels.map((label, l) => ({ label, log: sums[l]! / this.temperature }));
    const max = Math.max(...logs.map((l) => l.log));
    const sum = logs.reduce((s, l) => s + Math.exp(l.log - max), 0);
    return logs
      .map((l) => ({ label: l.label, p: Math.exp(l.log - max) / sum }))
      .sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
  }

  private buildTables() {
    const labels = [...this.docCount.keys()];
    const denoms = labels.map((label) => Math.log(this.docCount.get(label)! + 2 * this.alpha));
    const priors = Float64Array.from(labels, (label) => (this.uniformPrior ? 0 : Math.log(this.docCount.get(label)! / this.total)));
    return { labels, priors, denoms, byFeature: new Map<string, Float64Array>() };
  }
}
