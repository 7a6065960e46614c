import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, FieldProblem } from './domain.exception';
import { ErrorCode } from './error-code';

/** Flattens class-validator's tree into `{ field: 'contacts.0.email', reason }` problems. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      reason: (error.contexts?.[constraint] as { reason?: string } | undefined)?.reason ?? constraint,
      args: constraintArgs(error, constraint),
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
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
