import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import icalGenerator, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { randomSecret, sha256 } from '../../platform/auth/token-hash';
import type { Environment } from '../../platform/config/environment';
import type { Actor } from '../../platform/tenancy/request-actor';
import type { MeetingView } from './dto/meeting.dto';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { MeetingStatus } from './entities/meeting-status';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { PeopleDirectory } from '../users/people-directory.service';
import type { DirectoryPerson } from '../users/people-directory.service';

/** Meetings as iCalendar (RFC 5545): one file per meeting, and a private feed per person. */
@Injectable()
export class CalendarExport {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly feeds: CalendarFeedsRepository,
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
        status: meeting.status === MeetingStatus.Cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  /** A new private feed URL for the actor; the previous one stops working. */
  async rotateFeed(actor: Actor): Promise<string> {
    const token = randomSecret(24);
    await this.feeds.replace(actor.userId, actor.tenantId, sha256(token));
    return new URL(
      `/api/v1/calendar/${actor.userId}.${token}.ics`,
      this.config.get('PUBLIC_URL', { infer: true }),
    ).toString();
  }

  /** The owner of a feed token, if it is current. */
  async feedOwner(userId: string, token: string): Promise<CalendarFeed | null> {
    const feed = await this.feeds.find(userId);
    return feed && feed.tokenHash === sha256(token) ? feed : null;
  }

  /** The person a feed URL names, read before anyone is signed in (the caller sets the context). */
  person(userId: string): Promise<DirectoryPerson | null> {
    return this.peopleDirectory.person(userId);
  }
}
