import type { FieldProblem } from '../../platform/errors/domain.exception';
import type { RoundField } from './entities/indicator-round.entity';
import { validateIndicatorValues } from './indicator-values';

const FIELDS: RoundField[] = [
  { key: 'output_value', type: 'decimal', unit: '万元', min: 0, required: true },
  { key: 'patents', type: 'integer', unit: '件', min: 0, required: true },
  { key: 'orders', type: 'decimal', unit: '万元', min: 0, required: false },
];

describe('validateIndicatorValues', () => {
  const check = (input: Record<string, unknown>, submitting: boolean) => {
    const problems: FieldProblem[] = [];
    const values = validateIndicatorValues(FIELDS, input, submitting, problems);
    return { values, problems };
  };

  it('keeps valid figures, including zero and decimals', () => {
    expect(check({ output_value: 1500.5, patents: 0 }, true)).toEqual({
      values: { output_value: 1500.5, patents: 0 },
      problems: [],
    });
  });

  it('asks for required fields only when submitting', () => {
    expect(check({ orders: 10 }, false).problems).toEqual([]);
    expect(check({ orders: 10 }, true).problems.map((p) => [p.field, p.reason])).toEqual([
      ['values.output_value', 'required'],
      ['values.patents', 'required'],
    ]);
  });

  it('names each wrong value with its reason', () => {
    expect(check({ output_value: '12', patents: 2.5, orders: -1, profit: 3 }, false).problems).toEqual([
      { field: 'values.profit', reason: 'notAField' },
      { field: 'values.output_value', reason: 'isNumber' },
      { field: 'values.patents', reason: 'isInt' },
      { field: 'values.orders', reason: 'min', args: [0] },
    ]);
    expect(check({ output_value: Number.NaN, patents: 1e13 }, false).problems.map((p) => p.reason)).toEqual([
      'isNumber',
      'max',
    ]);
  });
});
