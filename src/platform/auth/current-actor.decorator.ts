import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '../tenancy/request-actor';

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
