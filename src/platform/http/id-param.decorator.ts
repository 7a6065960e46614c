import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => DomainException.invalid([{ field: name, reason: 'isUuid' }]) }),
  );
