import { Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../tenancy/request-actor';
import { TenantContext } from '../tenancy/tenant-context.service';
import { AuditRepository } from './audit.repository';

/**
 * Writes a refused authorisation (a 403 to a signed-in user) to the audit log. It runs in a
 * transaction of its own, outside the request's, which the refusal has rolled back; that
 * transaction carries the actor's row-level-security settings, from which `audit_refused_access`
 * takes the township, the user and the request id (it cannot write for any other township).
 */
@Injectable()
export class RefusedAccessRecorder {
  private readonly logger = new Logger(RefusedAccessRecorder.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: AuditRepository,
  ) {}

  async record(request: FastifyRequest & { user?: Actor }): Promise<void> {
    const actor = request.user;
    if (!actor?.userId) return;
    const route = request.routeOptions?.url ?? request.url.split('?')[0];
    const detail = { method: request.method, route, role: actor.role };
    try {
      await this.tenant.run(actor, () => this.repository.recordRefusedAccess(detail), String(request.id));
    } catch (error) {
      // Losing an audit line must not turn a 403 into a 500; the log still has it.
      this.logger.warn({ err: error, requestId: request.id }, 'Could not record a refused authorisation');
    }
  }
}
