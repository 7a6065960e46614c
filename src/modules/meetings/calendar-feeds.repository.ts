import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { CalendarFeed } from './entities/calendar-feed.entity';

/** Private calendar feeds: the hash of each person's current token. Queries only. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** Keeps `tokenHash` as the person's only feed token. */
  async replace(userId: string, tenantId: string | null, tokenHash: string): Promise<void> {
    await this.tenant.manager.query(
      `INSERT INTO calendar_feeds (user_id, tenant_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash`,
      [userId, tenantId, tokenHash],
    );
  }

  find(userId: string): Promise<CalendarFeed | null> {
    return this.tenant.manager.getRepository(CalendarFeed).findOneBy({ userId });
  }
}
