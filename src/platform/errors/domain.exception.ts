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
    /** Sent as the Retry-After header (seconds): for a 503 of a dependency that is coming back. */
    readonly retryAfterSeconds?: number,
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

  /** A dependency (Redis, PostgreSQL) cannot answer now: 503, and when to try again. */
  static unavailable(retryAfterSeconds = 5): DomainException {
    return new DomainException(ErrorCode.ServiceUnavailable, HttpStatus.SERVICE_UNAVAILABLE, [], retryAfterSeconds);
  }

  static invalid(details: FieldProblem[]): DomainException {
    return new DomainException(ErrorCode.ValidationFailed, HttpStatus.BAD_REQUEST, details);
  }
}
