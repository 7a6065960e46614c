import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { Actor } from '../tenancy/request-actor';

/**
 * Writes a refused authorisation (a 403 to a signed-in user) to the audit log. It runs on its own
 * connection, outside the request's transaction, which the refusal has rolled back.
 */
@Injectable()
export class RefusedAccessRecorder {
  private readonly logger = new Logger(RefusedAccessRecorder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(request: FastifyRequest & { user?: Actor }): Promise<void> {
    const actor = request.user;
    if (!actor?.userId) return;
    const route = request.routeOptions?.url ?? request.url.split('?')[0];
    const detail = { method: request.method, route, role: actor.role };
    try {
      await this.dataSource.query('SELECT audit_refused_access($1, $2, $3, $4)', [actor.tenantId, actor.userId, String(request.id), detail]);
    } catch (error) {
      // Losing an audit line must not turn a 403 into a 500; the log still has it.
      this.logger.warn({ err: error, requestId: request.id }, 'Could not record a refused authorisation');
    }
  }
}
