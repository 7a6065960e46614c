import { NaiveBayes, NaiveBayesTrainer } from './naive-bayes';

const f = (...features: string[]) => {
  const counts = new Map<string, number>();
  for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return counts;
};

describe('multinomial naive Bayes', () => {
  const trainer = new NaiveBayesTrainer(1);
  trainer.add(f('loan', 'bank'), 'finance');
  trainer.add(f('loan', 'interest'), 'finance');
  trainer.add(f('land', 'plant'), 'land');
  const model = new NaiveBayes(trainer.build());

  it('stores counts sparsely with the smoothing', () => {
    const data = trainer.build();
    expect(data.labels).toEqual(['finance', 'land']);
    expect(data.examples).toEqual([2, 1]);
    expect(data.totals).toEqual([4, 2]);
    expect(data.features.loan).toEqual([0, 2]);
    expect(data.alpha).toBe(1);
  });

  it('computes the Laplace-smoothed posterior, damped by the square root of the known features', () => {
    // |V| = 5. finance: prior 2/3, P(loan) = 3/9, P(bank) = 2/9; land: prior 1/3, 1/7 each. Two known features.
    const [first, second] = model.rank(f('loan', 'bank'));
    const finance = Math.log(2 / 3) + (Math.log(3 / 9) + Math.log(2 / 9)) / Math.SQRT2;
    const land = Math.log(1 / 3) + (Math.log(1 / 7) + Math.log(1 / 7)) / Math.SQRT2;
    expect(first.label).toBe('finance');
    expect(first.probability).toBeCloseTo(Math.exp(finance) / (Math.exp(finance) + Math.exp(land)), 10);
    expect(first.probability + second.probability).toBeCloseTo(1, 10);
  });

  it('ranks by the evidence and falls back to the priors for unknown features', () => {
    expect(model.rank(f('land', 'plant'))[0].label).toBe('land');
    const unknown = model.rank(f('weather'));
    expect(unknown[0].label).toBe('finance');
    expect(unknown[0].probability).toBeCloseTo(2 / 3, 10);
  });

  it('explains a label by its strongest features', () => {
    expect(model.reasons(f('loan', 'land', 'bank'), 'finance', 2)).toEqual(['loan', 'bank']);
    expect(model.reasons(f('loan'), 'nobody', 2)).toEqual([]);
  });

  it('answers nothing without labels', () => {
    expect(new NaiveBayes(new NaiveBayesTrainer().build()).rank(f('loan'))).toEqual([]);
  });

  it('weighs a context value (who asks) undamped beside the words, and skips an unknown one', () => {
    const trainer = new NaiveBayesTrainer(1, 2);
    // The enterprise e1 is always served by land (its pairing), whatever it asks.
    trainer.add(f('loan'), 'finance', ['o:e2']);
    trainer.add(f('loan'), 'finance', ['o:e2']);
    trainer.add(f('loan'), 'land', ['o:e1']);
    trainer.add(f('land'), 'land', ['o:e1']);
    const paired = new NaiveBayes(trainer.build());
    expect(paired.rank(f('loan'))[0].label).toBe('finance');
    expect(paired.rank(f('loan'), ['o:e1'])[0].label).toBe('land');
    // |values| = 2. land: 2 examples with e1, weight 2: 2 * log((2 + 1) / (2 + 2)); finance: 2 * log(1 / 4).
    const [land, finance] = paired.rank(new Map(), ['o:e1']);
    const ratio = Math.exp(2 * Math.log(3 / 4) - 2 * Math.log(1 / 4));
    expect(land.probability / finance.probability).toBeCloseTo(ratio, 10);
    expect(paired.rank(f('loan'), ['o:unknown'])).toEqual(paired.rank(f('loan')));
  });
});
