import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Clock } from '../clock/clock';
import { DomainException } from '../errors/domain.exception';
import { keysetPage } from '../pagination/keyset';
import type { Page } from '../pagination/page.dto';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { ListNotificationsQuery, NotificationView } from './dto/notification.dto';
import { Notification } from './entities/notification.entity';
import { announceInboxChange } from './live/notification-feed';

/** A person's in-app inbox; every query is the signed-in person's own. */
@Injectable()
export class InboxService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.tenant.manager.getRepository(Notification);
  }

  async list(query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const qb = this.repo.createQueryBuilder('n').where('n.user_id = :userId', { userId: this.tenant.actor.userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (query.type) qb.andWhere('n.type = :type', { type: query.type });
    const page = await keysetPage(
      qb,
      { column: 'n.created_at', kind: 'timestamp', idColumn: 'n.id', direction: 'DESC' },
      query,
    );
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  unreadCount(userId = this.tenant.actor.userId): Promise<number> {
    return this.repo.count({ where: { userId, readAt: IsNull() } });
  }

  async markRead(id: string): Promise<NotificationView> {
    const userId = this.tenant.actor.userId;
    const item = await this.repo.findOne({ where: { id, userId } });
    if (!item) throw DomainException.notFound();
    if (!item.readAt) {
      item.readAt = this.clock.now();
      await this.repo.update({ id }, { readAt: item.readAt });
      // Other tabs may hold their stream on another API process.
      await announceInboxChange(this.tenant.manager, this.tenant.actor.tenantId, [userId]);
    }
    return toView(item);
  }

  async markAllRead(): Promise<number> {
    const userId = this.tenant.actor.userId;
    const result = await this.repo.update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
    if (result.affected) await announceInboxChange(this.tenant.manager, this.tenant.actor.tenantId, [userId]);
    return result.affected ?? 0;
  }
}

function toView(n: Notification): NotificationView {
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}
