import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { Role } from '../auth/entities/role';
import { Clock } from '../clock/clock';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { IdParam } from '../http/id-param.decorator';
import { Outbox } from '../outbox/outbox.service';
import { keysetPage } from '../pagination/keyset';
import { NotificationJob } from './notifications.jobs';
import { TenantContext } from '../tenancy/tenant-context.service';
import { DeliveryPage, DeliveryView, ListDeliveriesQuery } from './dto/notification.dto';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationEvent } from './entities/notification-event.entity';
import { DeliveryStatus } from './notification-types';

/** Platform admins: every township's deliveries, failed ones with their error, and a retry. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.PlatformAdmin)
@Controller('admin/notification-deliveries')
export class DeliveriesController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: 'List notification deliveries' })
  @Get()
  async list(@Query() query: ListDeliveriesQuery): Promise<DeliveryPage> {
    const qb = this.tenant.manager.getRepository(NotificationDelivery).createQueryBuilder('d');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    const page = await keysetPage(
      qb,
      { column: 'd.created_at', kind: 'timestamp', idColumn: 'd.id', direction: 'DESC' },
      query,
    );
    const events = page.items.length
      ? await this.tenant.manager
          .getRepository(NotificationEvent)
          .createQueryBuilder('e')
          .where('e.id IN (:...ids)', { ids: page.items.map((d) => d.eventId) })
          .getMany()
      : [];
    const typeOf = new Map(events.map((e) => [e.id, e.type]));
    return { items: page.items.map((d) => toView(d, typeOf.get(d.eventId)!)), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'Retry a failed delivery' })
  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  async retry(@IdParam() id: string): Promise<DeliveryView> {
    const repo = this.tenant.manager.getRepository(NotificationDelivery);
    const delivery = await repo.findOneBy({ id });
    if (!delivery) throw DomainException.notFound();
    if (delivery.status !== DeliveryStatus.Failed)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'matches' }]);
    // Act inside the delivery's township, so the outbox event is its own.
    await this.tenant.assume({ ...this.tenant.actor, tenantId: delivery.tenantId });
    const retries = delivery.retries + 1;
    const now = this.clock.now();
    await repo.update({ id }, { status: DeliveryStatus.Pending, retries, notBefore: now, lastError: null });
    await this.outbox.enqueue(
      { name: NotificationJob.DeliverNotification, payload: { tenantId: delivery.tenantId, deliveryId: id } },
      { jobId: `${id}-r${retries}` },
    );
    const event = await this.tenant.manager.getRepository(NotificationEvent).findOneByOrFail({ id: delivery.eventId });
    return toView(
      { ...delivery, status: DeliveryStatus.Pending, retries, notBefore: now, lastError: null },
      event.type,
    );
  }
}

function toView(d: NotificationDelivery, eventType: NotificationEvent['type']): DeliveryView {
  return {
    id: d.id,
    tenantId: d.tenantId,
    eventType,
    channel: d.channel,
    recipient: d.recipientKey,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    notBefore: d.notBefore,
    sentAt: d.sentAt,
    createdAt: d.createdAt,
  };
}
