import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import icalGenerator, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { randomSecret, sha256 } from '../../platform/auth/token-hash';
import type { Environment } from '../../platform/config/environment';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { MeetingView } from './dto/meeting.dto';
import { CalendarFeed } from './entities/calendar-feed.entity';

/** Meetings as iCalendar (RFC 5545): one file per meeting, and a private feed per person. */
@Injectable()
export class CalendarExport {
  constructor(
    private readonly tenant: TenantContext,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  render(meetings: MeetingView[], name: string): string {
    const calendar = icalGenerator({
      name,
      prodId: { company: 'lianmeng', product: 'joint-meetings', language: 'ZH' },
      timezone: 'Asia/Shanghai',
      method: ICalCalendarMethod.PUBLISH,
    });
    const publicUrl = this.config.get('PUBLIC_URL', { infer: true });
    for (const meeting of meetings) {
      calendar.createEvent({
        id: `${meeting.id}@lianmeng`,
        start: meeting.startsAt,
        end: meeting.endsAt,
        summary: meeting.title,
        description: meeting.description ?? undefined,
        location: meeting.place.zone?.name ?? meeting.place.address ?? meeting.place.onlineUrl ?? undefined,
        url: new URL(`/meetings/${meeting.id}`, publicUrl).toString(),
        status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  /** A new private feed URL for the actor; the previous one stops working. */
  async rotateFeed(actor: Actor): Promise<string> {
    const token = randomSecret(24);
    await this.tenant.manager.query(
      `INSERT INTO calendar_feeds (user_id, tenant_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash`,
      [actor.userId, actor.tenantId, sha256(token)],
    );
    return new URL(
      `/api/v1/calendar/${actor.userId}.${token}.ics`,
      this.config.get('PUBLIC_URL', { infer: true }),
    ).toString();
  }

  /** The owner of a feed token, if it is current. */
  async feedOwner(userId: string, token: string): Promise<CalendarFeed | null> {
    const feed = await this.tenant.manager.getRepository(CalendarFeed).findOneBy({ userId });
    return feed && feed.tokenHash === sha256(token) ? feed : null;
  }
}
