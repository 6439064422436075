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
   * @param temperature softens NB's notoriously over-confident posteriors.
   * @param uniformPrior ignore how many examples each label has: example counts
   *   reflect how much the authors wrote, not how often people ask.
   * @param alpha additive smoothing; small, because a large one drowns the
   *   frequent features of labels with few examples (measured on the dev sets).
   */
  constructor(
    private readonly temperature = 1,
    private readonly uniformPrior = true,
    private readonly alpha = 0.1,
  ) {}

  learn(features: Iterable<string>, label: L): void {
    const unique = new Set(features);
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
    const known = [...new Set(features)].filter((f) => this.vocabulary.has(f));
    const logs: { label: L; log: number }[] = [];
    for (const [label, docs] of this.docCount) {
      const counts = this.featureCount.get(label)!;
      const denom = Math.log(docs + 2 * this.alpha);
      let log = this.uniformPrior ? 0 : Math.log(docs / this.total);
      for (const f of known) log += Math.log((counts.get(f) ?? 0) + this.alpha) - denom;
      logs.push({ label, log: log / this.temperature });
    }
    const max = Math.max(...logs.map((l) => l.log));
    const sum = logs.reduce((s, l) => s + Math.exp(l.log - max), 0);
    return logs
      .map((l) => ({ label: l.label, p: Math.exp(l.log - max) / sum }))
      .sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
  }
}
