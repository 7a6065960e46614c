import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { RefusedAccessRecorder } from '../audit/refused-access.recorder';
import { DomainException, FieldProblem } from './domain.exception';
import { ErrorCode } from './error-code';
import { errorMessages, languageFrom, localizedReason } from './localized-messages';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details: { field: string; reason: string }[];
  requestId: string;
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/** Maps every error to one body shape, in the client's language, and hides internals of a 500. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() private readonly refusals?: RefusedAccessRecorder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const language = languageFrom(request.headers['accept-language']);
    const domain = this.toDomainException(exception);
    if (domain.status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    const body: ErrorBody = {
      statusCode: domain.status,
      code: domain.code,
      message: errorMessages[domain.code][language],
      details: domain.details.map((d) => ({
        field: d.field,
        reason: localizedReason(d.reason, language, d.args) ?? d.reason,
      })),
      requestId: String(request.id),
    };
    if (domain.retryAfterSeconds !== undefined) void reply.header('retry-after', String(domain.retryAfterSeconds));
    const send = () =>
      void reply.status(domain.status).header('content-type', 'application/json; charset=utf-8').send(body);
    if (domain.status === HttpStatus.FORBIDDEN && this.refusals) void this.refusals.record(request).finally(send);
    else send();
  }

  private toDomainException(exception: unknown): DomainException {
    if (exception instanceof DomainException) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) return fromDatabaseError(exception);
    if (isConnectionWait(exception)) return DomainException.unavailable(1);
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return new DomainException(
        statusCodes[fastifyStatus] ?? ErrorCode.ValidationFailed,
        fastifyStatus,
        bodyProblem(exception),
      );
    }
    return new DomainException(ErrorCode.InternalError, HttpStatus.INTERNAL_SERVER_ERROR);
  }
}

/**
 * pg-pool gave up waiting for a connection (DATABASE_CONNECT_TIMEOUT_MS): every one was busy, or a new
 * one did not open in time. The database is there but saturated; the client may try again shortly.
 */
function isConnectionWait(exception: unknown): boolean {
  const message = (exception as Error)?.message;
  return (
    message === 'timeout exceeded when trying to connect' ||
    message === 'Connection terminated due to connection timeout'
  );
}

function fromHttpException(exception: HttpException): DomainException {
  const status = exception.getStatus();
  const code = statusCodes[status] ?? (status >= 500 ? ErrorCode.InternalError : ErrorCode.ValidationFailed);
  const details: FieldProblem[] = status === 400 ? bodyProblem(exception) : [];
  return new DomainException(code, status, details);
}

function bodyProblem(exception: unknown): FieldProblem[] {
  const message = (exception as Error)?.message;
  return message ? [{ field: 'body', reason: message }] : [];
}

/** A statement the database refused: its text, and the driver's error (pg's, with the SQLSTATE and the constraint). */
interface FailedStatement {
  query: string;
  driverError: unknown;
}

/** The database holds the invariants; its refusals are the client's fault, not a 500. */
function fromDatabaseError(error: FailedStatement): DomainException {
  const driverError = error.driverError as { code?: string; constraint?: string; column?: string };
  const field = constraintField(driverError.constraint) ?? driverError.column ?? 'body';
  switch (driverError.code) {
    case '23505':
      return DomainException.conflict(ErrorCode.DuplicateValue, [{ field, reason: 'alreadyExists' }]);
    case '23P01':
      return DomainException.conflict(ErrorCode.Conflict, [{ field, reason: 'alreadyExists' }]);
    case '23503':
      // Deleting a row that others still name (ids never change, so only a DELETE does that), or
      // naming a row that is not in the township: the key is fk_<table>__<column>, the column the field.
      return /^\s*delete\b/i.test(error.query ?? '')
        ? DomainException.conflict(ErrorCode.Conflict, [{ field: 'id', reason: 'stillReferenced' }])
        : DomainException.invalid([{ field: camelCase(field), reason: 'notFound' }]);
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
    case '22021': // a character the encoding cannot hold (U+0000) slipped past the input checks
    case '22P05':
      return DomainException.invalid([{ field, reason: 'matches' }]);
    case '42501':
      return DomainException.forbidden();
    default:
      return new DomainException(ErrorCode.InternalError, HttpStatus.INTERNAL_SERVER_ERROR);
  }
}

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Constraint names follow `<kind>_<table>_<field>`; the last part names the field for the client. */
function constraintField(constraint: string | undefined): string | undefined {
  if (!constraint) return undefined;
  const parts = constraint.split('__');
  return parts.length > 1 ? parts[parts.length - 1] : undefined;
}
