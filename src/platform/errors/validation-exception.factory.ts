import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, FieldProblem } from './domain.exception';
import { ErrorCode } from './error-code';

/** Flattens class-validator's tree into `{ field: 'contacts.0.email', reason }` problems. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (isBlankRequired(error))
      return [{ field, reason: 'required', args: [] }, ...toFieldProblems(error.children ?? [], field)];
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      reason: (error.contexts?.[constraint] as { reason?: string } | undefined)?.reason ?? constraint,
      args: constraintArgs(error, constraint),
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** Rules that a blank value breaks only because nothing was entered: say the field is required, not its length. */
const BLANK_MEANS_MISSING = new Set(['isNotEmpty', 'isDefined', 'minLength', 'isLength', 'isString']);

function isBlankRequired(error: ValidationError): boolean {
  const blank =
    error.value === undefined || error.value === null || (typeof error.value === 'string' && error.value.trim() === '');
  const constraints = Object.keys(error.constraints ?? {});
  return blank && constraints.length > 0 && constraints.every((c) => BLANK_MEANS_MISSING.has(c) || c === 'maxLength');
}

function constraintArgs(error: ValidationError, constraint: string): unknown[] {
  const message = error.constraints?.[constraint] ?? '';
  if (constraint === 'isEnum' || constraint === 'isIn') {
    const match = /following values: (.*)$/.exec(message);
    return match ? match[1].split(',').map((v) => v.trim()) : [];
  }
  const numbers = message.match(/-?\d+(\.\d+)?/g);
  return numbers ? numbers.map(Number) : [];
}

export function validationExceptionFactory(errors: ValidationError[]): DomainException {
  return new DomainException(ErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, toFieldProblems(errors));
}

/** The one validation of every body, query and path: unknown fields refused, nothing converted implicitly. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: validationExceptionFactory,
  });
}
