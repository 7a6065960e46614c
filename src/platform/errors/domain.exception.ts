import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from './error-code';

export interface FieldProblem {
  field: string;
  /** A constraint key of the reason catalogue, localized when the response is written. */
  reason: string;
  args?: unknown[];
}

/** An error the client caused or may act on; mapped to the error body by the global filter. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: HttpStatus,
    readonly details: FieldProblem[] = [],
  ) {
    super(code);
  }

  static notFound(): DomainException {
    return new DomainException(ErrorCode.NotFound, HttpStatus.NOT_FOUND);
  }

  static forbidden(): DomainException {
    return new DomainException(ErrorCode.Forbidden, HttpStatus.FORBIDDEN);
  }

  static conflict(code: ErrorCode = ErrorCode.Conflict, details: FieldProblem[] = []): DomainException {
    return new DomainException(code, HttpStatus.CONFLICT, details);
  }

  static invalid(details: FieldProblem[]): DomainException {
    return new DomainException(ErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, details);
  }
}
