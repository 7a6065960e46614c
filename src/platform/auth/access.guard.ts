import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import type { Actor } from '../tenancy/request-actor';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import type { Role } from './entities/role';

/**
 * Deny by default: every route is either @Public() or names its roles with @Roles(); a route
 * with neither is refused, so a forgotten decorator can never open a route.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') implements CanActivate {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (!roles || !roles.includes(actor.role)) throw DomainException.forbidden();
    return true;
  }

  handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof DomainException) throw error;
    if (error || !user) throw new DomainException(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED);
    return user;
  }
}
