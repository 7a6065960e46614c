import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Actor } from './request-actor';
import { TenantContext } from './tenant-context.service';

const WITHOUT_TRANSACTION = 'tenancy:without-transaction';
const FROM_REPLICA = 'tenancy:from-replica';

/** For routes that manage their own transactions (sign-in) or touch no tenant data (health). */
export const WithoutRequestTransaction = () => SetMetadata(WITHOUT_TRANSACTION, true);

/**
 * For heavy read-only routes whose figures may lag the primary a little (the dashboard, the
 * statistics): their one transaction is a read-only one on a read replica (TenantContext.read).
 */
export const ReadsFromReplica = () => SetMetadata(FROM_REPLICA, true);

/**
 * Runs each request's handler in one transaction, as the signed-in user, under row-level security:
 * on the primary, or on a read replica for routes marked `@ReadsFromReplica()`.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly tenant: TenantContext,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const skip = this.reflector.getAllAndOverride<boolean>(WITHOUT_TRANSACTION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (skip || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    const fromReplica = this.reflector.getAllAndOverride<boolean>(FROM_REPLICA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    const actor = request.user ?? null;
    return from(
      fromReplica
        ? this.tenant.read(actor, handle, String(request.id))
        : this.tenant.run(actor, handle, String(request.id)),
    );
  }
}
