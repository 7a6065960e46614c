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
  /**
   * Context: categorical values of an example that are not in its text (the requesting enterprise,
   * its alliance), counted per label apart from the words: P(value | label) = (n + alpha) /
   * (examples + alpha * |values|).
   * Absent in models trained before it existed.
   */
  context?: Record<string, number[]>;
  /** How many observations each context value counts as (1 when absent). */
  contextWeight?: number;
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
  private readonly context = new Map<string, Map<number, number>>();

  constructor(
    private readonly alpha = 1,
    private readonly contextWeight = 1,
  ) {}

  add(features: Map<string, number>, label: string, context: readonly string[] = []): void {
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
    for (const value of context) {
      let perLabel = this.context.get(value);
      if (!perLabel) this.context.set(value, (perLabel = new Map<number, number>()));
      perLabel.set(index, (perLabel.get(index) ?? 0) + 1);
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
      ...(this.context.size > 0 && {
        context: Object.fromEntries([...this.context].map(([value, perLabel]) => [value, [...perLabel].flat()])),
        contextWeight: this.contextWeight,
      }),
    };
  }
}

export class NaiveBayes {
  private readonly logPriors: Float64Array;
  /** log(alpha) - log(total + alpha * |V|) per label: the log-likelihood of a feature the label never had. */
  private readonly unseen: Float64Array;
  private readonly features: Map<string, number[]>;
  private readonly logAlpha: number;
  private readonly context: Map<string, number[]>;
  /** log(alpha) - log(examples + alpha * |values|) per label: a context value the label never had. */
  private readonly contextUnseen: Float64Array;

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
    this.context = new Map(Object.entries(data.context ?? {}));
    this.contextUnseen = Float64Array.from(
      data.examples,
      (examples) => this.logAlpha - Math.log(examples + data.alpha * this.context.size),
    );
  }

  get labels(): string[] {
    return this.data.labels;
  }

  /**
   * Every label with its probability, most likely first. The log-likelihood is divided by the square
   * root of the number of known features: naive Bayes counts correlated features (a word and its
   * character pairs) as independent evidence, which makes raw posteriors all but 0 or 1; the damped
   * ones rank the same and leave room for a confidence threshold. Unknown features are skipped.
   * Each context value (the requesting enterprise, its alliance) is one observation independent of
   * the words, so its log-likelihood is added undamped: an enterprise always served by its paired
   * department outweighs words that several departments share, while words that one department
   * alone serves still win over a weak habit. An unknown value (an enterprise with no history) adds
   * nothing. `contextWeight` scales it further (the intake model uses 2, see CONTEXT_WEIGHT).
   */
  rank(features: Map<string, number>, context: readonly string[] = []): Ranked[] {
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
    const weight = this.data.contextWeight ?? 1;
    for (const value of context) {
      const seen = this.context.get(value);
      if (!seen) continue;
      for (let c = 0; c < n; c += 1) scores[c] += weight * this.contextUnseen[c];
      for (let i = 0; i < seen.length; i += 2)
        scores[seen[i]] += weight * (Math.log(seen[i + 1] + this.data.alpha) - this.logAlpha);
    }
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
