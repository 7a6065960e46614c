/**
 * Multinomial naive Bayes with Laplace (add-alpha) smoothing: for each label the log prior plus, for
 * each feature seen in training, its count times log P(feature | label). Short enough to read and
 * to explain a suggestion (the words that weighed most), and it trains in one pass over the counts.
 */

/** What is stored: counts only, sparse ([label index, count, label index, count, ...] per feature). */
export interface NaiveBayesData {
  labels: string[];
  /** Examples per label. */
  examples: number[];
  /** Sum of feature counts per label. */
  totals: number[];
  features: Record<string, number[]>;
  alpha: number;
}

export interface Ranked {
  label: string;
  probability: number;
}

export class NaiveBayesTrainer {
  private readonly labelIndex = new Map<string, number>();
  private readonly examples: number[] = [];
  private readonly totals: number[] = [];
  private readonly counts = new Map<string, Map<number, number>>();

  constructor(private readonly alpha = 1) {}

  add(features: Map<string, number>, label: string): void {
    let index = this.labelIndex.get(label);
    if (index === undefined) {
      index = this.labelIndex.size;
      this.labelIndex.set(label, index);
      this.examples.push(0);
      this.totals.push(0);
    }
    this.examples[index] += 1;
    for (const [feature, count] of features) {
      let perLabel = this.counts.get(feature);
      if (!perLabel) this.counts.set(feature, (perLabel = new Map<number, number>()));
      perLabel.set(index, (perLabel.get(index) ?? 0) + count);
      this.totals[index] += count;
    }
  }

  build(): NaiveBayesData {
    const features: Record<string, number[]> = {};
    for (const [feature, perLabel] of this.counts) features[feature] = [...perLabel].flat();
    return {
      labels: [...this.labelIndex.keys()],
      examples: [...this.examples],
      totals: [...this.totals],
      features,
      alpha: this.alpha,
    };
  }
}

export class NaiveBayes {
  private readonly logPriors: Float64Array;
  /** log(alpha) - log(total + alpha * |V|) per label: the log-likelihood of a feature the label never had. */
  private readonly unseen: Float64Array;
  private readonly features: Map<string, number[]>;
  private readonly logAlpha: number;

  constructor(readonly data: NaiveBayesData) {
    const n = data.labels.length;
    const vocabulary = Object.keys(data.features).length;
    const all = data.examples.reduce((a, b) => a + b, 0);
    this.logPriors = new Float64Array(n);
    this.unseen = new Float64Array(n);
    this.logAlpha = Math.log(data.alpha);
    for (let c = 0; c < n; c += 1) {
      this.logPriors[c] = Math.log(data.examples[c] / all);
      this.unseen[c] = this.logAlpha - Math.log(data.totals[c] + data.alpha * vocabulary);
    }
    this.features = new Map(Object.entries(data.features));
  }

  get labels(): string[] {
    return this.data.labels;
  }

  /**
   * Every label with its probability, most likely first. The log-likelihood is divided by the square
   * root of the number of known features: naive Bayes counts correlated features (a word and its
   * character pairs) as independent evidence, which makes raw posteriors all but 0 or 1; the damped
   * ones rank the same and leave room for a confidence threshold. Unknown features are skipped.
   */
  rank(features: Map<string, number>): Ranked[] {
    const n = this.data.labels.length;
    if (n === 0) return [];
    const likelihood = new Float64Array(n);
    let known = 0;
    for (const [feature, count] of features) {
      const sparse = this.features.get(feature);
      if (!sparse) continue;
      known += count;
      for (let c = 0; c < n; c += 1) likelihood[c] += count * this.unseen[c];
      for (let i = 0; i < sparse.length; i += 2)
        likelihood[sparse[i]] += count * (Math.log(sparse[i + 1] + this.data.alpha) - this.logAlpha);
    }
    const damping = 1 / Math.sqrt(Math.max(1, known));
    const scores = Array.from(this.logPriors, (prior, c) => prior + likelihood[c] * damping);
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return exp
      .map((e, c) => ({ label: this.data.labels[c], probability: e / sum }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  }

  /** The features that speak most for `label` against the others' average, strongest first. */
  reasons(features: Map<string, number>, label: string, limit: number): string[] {
    const target = this.data.labels.indexOf(label);
    if (target < 0) return [];
    const n = this.data.labels.length;
    const weighed: { feature: string; weight: number }[] = [];
    for (const [feature, count] of features) {
      const sparse = this.features.get(feature);
      if (!sparse) continue;
      const logLik = Array.from(this.unseen);
      for (let i = 0; i < sparse.length; i += 2)
        logLik[sparse[i]] += Math.log(sparse[i + 1] + this.data.alpha) - this.logAlpha;
      const others = (logLik.reduce((a, b) => a + b, 0) - logLik[target]) / Math.max(1, n - 1);
      weighed.push({ feature, weight: count * (logLik[target] - others) });
    }
    return weighed
      .filter((w) => w.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature))
      .slice(0, limit)
      .map((w) => w.feature);
  }
}
