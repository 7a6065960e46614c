import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainException } from '../errors/domain.exception';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof DomainException) throw error;
    if (error || !user) throw DomainException.invalid([{ field: 'email', reason: 'isNotEmpty' }, { field: 'password', reason: 'isNotEmpty' }]);
    return user;
  }
}
