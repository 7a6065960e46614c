import type { FieldProblem } from '../../platform/errors/domain.exception';
import type { RoundField } from './entities/indicator-round.entity';

/** The largest figure accepted, so a typo of many digits is refused rather than stored. */
export const MAX_INDICATOR_VALUE = 1e12;

/**
 * A member's figures checked against the round's fields: unknown keys, non-numbers, fractions in
 * whole-number fields and values under the minimum are each named; required fields only on submit.
 * Returns the accepted values; `problems` collects the rest.
 */
export function validateIndicatorValues(
  fields: RoundField[],
  input: Record<string, unknown>,
  submitting: boolean,
  problems: FieldProblem[],
): Record<string, number> {
  const values: Record<string, number> = {};
  for (const key of Object.keys(input)) {
    if (!fields.some((f) => f.key === key)) problems.push({ field: `values.${key}`, reason: 'notAField' });
  }
  for (const field of fields) {
    const raw = input[field.key];
    const name = `values.${field.key}`;
    if (raw === undefined || raw === null || raw === '') {
      if (submitting && field.required) problems.push({ field: name, reason: 'required' });
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) problems.push({ field: name, reason: 'isNumber' });
    else if (field.type === 'integer' && !Number.isInteger(raw)) problems.push({ field: name, reason: 'isInt' });
    else if (raw < field.min) problems.push({ field: name, reason: 'min', args: [field.min] });
    else if (raw > MAX_INDICATOR_VALUE) problems.push({ field: name, reason: 'max', args: [MAX_INDICATOR_VALUE] });
    else values[field.key] = raw;
  }
  return values;
}
