import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Role } from '../../../platform/auth/entities/role';
import { Clock } from '../../../platform/clock/clock';
import { localDateTime } from '../../../platform/clock/local-date';
import type { Environment } from '../../../platform/config/environment';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { Actor } from '../../../platform/tenancy/request-actor';
import type { MinutesView } from '../dto/meeting-session.dto';
import { MeetingMinutes } from '../entities/meeting-minutes.entity';
import { MinutesStatus } from '../entities/minutes-status';
import { MeetingsService } from '../meetings.service';
import { minutesPdf } from './minutes-pdf';
import { MinutesRepository } from './minutes.repository';
import { PeopleDirectory } from '../../users/people-directory.service';

/** 会议纪要: the recorder drafts, participants comment, the chair approves, and the approved text is locked. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly minutesRows: MinutesRepository,
    private readonly meetings: MeetingsService,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async write(actor: Actor, meetingId: string, content: string): Promise<MinutesView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (actor.userId !== meeting.recorderId && actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    const minutes = await this.minutesRows.findByMeetingForUpdate(meetingId);
    if (minutes?.status === MinutesStatus.Approved)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'content', reason: 'minutesLocked' }]);
    await this.minutesRows.save(
      minutes
        ? {
            ...minutes,
            content,
            version: minutes.status === MinutesStatus.Circulated ? minutes.version + 1 : minutes.version,
          }
        : { tenantId: meeting.tenantId, meetingId, content },
    );
    return this.view(actor, meetingId);
  }

  async circulate(actor: Actor, meetingId: string): Promise<MinutesView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (actor.userId !== meeting.recorderId && actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    const minutes = await this.require(meetingId, [MinutesStatus.Draft]);
    await this.minutesRows.update(minutes.id, { status: MinutesStatus.Circulated });
    return this.view(actor, meetingId);
  }

  async comment(actor: Actor, meetingId: string, body: string): Promise<MinutesView> {
    await this.meetings.requireVisible(actor, meetingId);
    const minutes = await this.require(meetingId, [MinutesStatus.Circulated]);
    await this.minutesRows.addComment({
      tenantId: minutes.tenantId,
      minutesId: minutes.id,
      authorId: actor.userId,
      version: minutes.version,
      body: body.trim(),
    });
    return this.view(actor, meetingId);
  }

  async approve(actor: Actor, meetingId: string): Promise<MinutesView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (actor.userId !== meeting.chairId) throw DomainException.forbidden();
    const minutes = await this.require(meetingId, [MinutesStatus.Draft, MinutesStatus.Circulated]);
    await this.minutesRows.update(minutes.id, {
      status: MinutesStatus.Approved,
      approvedById: actor.userId,
      approvedAt: this.clock.now(),
    });
    return this.view(actor, meetingId);
  }

  async view(actor: Actor, meetingId: string): Promise<MinutesView> {
    await this.meetings.requireVisible(actor, meetingId);
    const minutes = await this.minutesRows.findByMeeting(meetingId);
    if (!minutes) throw DomainException.notFound();
    const comments = await this.minutesRows.comments(minutes.id);
    const approverName = minutes.approvedById ? await this.peopleDirectory.displayName(minutes.approvedById) : null;
    return {
      content: minutes.content,
      status: minutes.status,
      version: minutes.version,
      approvedAt: minutes.approvedAt,
      approvedBy: minutes.approvedById ? { id: minutes.approvedById, displayName: approverName ?? '' } : null,
      comments: comments.map((c) => ({
        id: c.id,
        author: c.author,
        version: c.version,
        body: c.body,
        createdAt: c.created_at,
      })),
    };
  }

  /** The approved minutes as a PDF; a draft has none. */
  async pdf(actor: Actor, meetingId: string): Promise<{ fileName: string; content: Buffer }> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    const minutes = await this.require(meetingId, [MinutesStatus.Approved]);
    const view = await this.meetings.get(actor, meetingId);
    const people = await this.minutesRows.namesFor(meetingId, meeting.chairId, minutes.approvedById);
    const name = (id: string | null) => people.find((p) => p.id === id)?.display_name ?? '';
    const attendees = await this.minutesRows.attendeeNames(meetingId);
    const content = await minutesPdf(
      {
        title: meeting.title,
        when: `${localDateTime(meeting.startsAt)}–${localDateTime(meeting.endsAt).slice(-5)}`,
        place: view.place.zone?.name ?? view.place.address ?? view.place.onlineUrl ?? '',
        chair: name(meeting.chairId),
        attendees,
        content: minutes.content,
        approvedBy: name(minutes.approvedById),
        approvedAt: localDateTime(minutes.approvedAt!),
      },
      this.config.get('PDF_FONT_PATH', { infer: true }),
      this.config.get('PDF_FONT_NAME', { infer: true }),
    );
    return { fileName: `${meeting.title}-会议纪要.pdf`, content };
  }

  private async require(meetingId: string, statuses: MinutesStatus[]): Promise<MeetingMinutes> {
    const minutes = await this.minutesRows.findByMeeting(meetingId);
    if (!minutes) throw DomainException.notFound();
    if (!statuses.includes(minutes.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: minutes.status === MinutesStatus.Approved ? 'minutesLocked' : 'matches' },
      ]);
    }
    return minutes;
  }
}
