import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Actor } from './request-actor';
import { TenantContext } from './tenant-context.service';

const WITHOUT_TRANSACTION = 'tenancy:without-transaction';

/** For routes that manage their own transactions (sign-in) or touch no tenant data (health). */
export const WithoutRequestTransaction = () => SetMetadata(WITHOUT_TRANSACTION, true);

/** Runs each request's handler in one transaction, as the signed-in user, under row-level security. */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly tenant: TenantContext,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const skip = this.reflector.getAllAndOverride<boolean>(WITHOUT_TRANSACTION, [context.getHandler(), context.getClass()]);
    if (skip || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    return from(
      this.tenant.run(request.user ?? null, () => lastValueFrom(next.handle(), { defaultValue: undefined }), String(request.id)),
    );
  }
}
