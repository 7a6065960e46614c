import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Role } from '../../../platform/auth/entities/role';
import { Clock } from '../../../platform/clock/clock';
import { localDateTime } from '../../../platform/clock/local-date';
import type { Environment } from '../../../platform/config/environment';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { MinutesView } from '../dto/meeting-session.dto';
import { MeetingMinutes, MinutesStatus } from '../entities/meeting-minutes.entity';
import { MinutesComment } from '../entities/minutes-comment.entity';
import { MeetingsService } from '../meetings.service';
import { minutesPdf } from './minutes-pdf';

/** 会议纪要: the recorder drafts, participants comment, the chair approves, and the approved text is locked. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly meetings: MeetingsService,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.tenant.manager.getRepository(MeetingMinutes);
  }

  async write(actor: Actor, meetingId: string, content: string): Promise<MinutesView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    if (actor.userId !== meeting.recorderId && actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    const minutes = await this.repo.findOne({ where: { meetingId }, lock: { mode: 'pessimistic_write' } });
    if (minutes?.status === MinutesStatus.Approved)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'content', reason: 'minutesLocked' }]);
    await this.repo.save(
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
    await this.repo.update({ id: minutes.id }, { status: MinutesStatus.Circulated });
    return this.view(actor, meetingId);
  }

  async comment(actor: Actor, meetingId: string, body: string): Promise<MinutesView> {
    await this.meetings.requireVisible(actor, meetingId);
    const minutes = await this.require(meetingId, [MinutesStatus.Circulated]);
    await this.tenant.manager.getRepository(MinutesComment).save({
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
    await this.repo.update(
      { id: minutes.id },
      { status: MinutesStatus.Approved, approvedById: actor.userId, approvedAt: this.clock.now() },
    );
    return this.view(actor, meetingId);
  }

  async view(actor: Actor, meetingId: string): Promise<MinutesView> {
    await this.meetings.requireVisible(actor, meetingId);
    const minutes = await this.repo.findOneBy({ meetingId });
    if (!minutes) throw DomainException.notFound();
    const comments = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT c.id, u.display_name AS author, c.version, c.body, c.created_at FROM minutes_comments c JOIN people_directory u ON u.id = c.author_id
        WHERE c.minutes_id = $1 ORDER BY c.created_at`,
      [minutes.id],
    );
    const [approver] = minutes.approvedById
      ? await this.tenant.manager.query<{ display_name: string }[]>(
          'SELECT display_name FROM people_directory WHERE id = $1',
          [minutes.approvedById],
        )
      : [];
    return {
      content: minutes.content,
      status: minutes.status,
      version: minutes.version,
      approvedAt: minutes.approvedAt,
      approvedBy: minutes.approvedById ? { id: minutes.approvedById, displayName: approver?.display_name ?? '' } : null,
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
    const people = await this.tenant.manager.query<{ id: string; display_name: string }[]>(
      `SELECT u.id, u.display_name FROM people_directory u WHERE u.id = $1 OR u.id = $2
        UNION SELECT u.id, u.display_name FROM meeting_attendance a JOIN people_directory u ON u.id = a.user_id WHERE a.meeting_id = $3`,
      [meeting.chairId, minutes.approvedById, meetingId],
    );
    const name = (id: string | null) => people.find((p) => p.id === id)?.display_name ?? '';
    const attendees = await this.tenant.manager.query<{ display_name: string }[]>(
      'SELECT u.display_name FROM meeting_attendance a JOIN people_directory u ON u.id = a.user_id WHERE a.meeting_id = $1 ORDER BY a.checked_in_at',
      [meetingId],
    );
    const content = await minutesPdf(
      {
        title: meeting.title,
        when: `${localDateTime(meeting.startsAt)}–${localDateTime(meeting.endsAt).slice(-5)}`,
        place: view.place.zone?.name ?? view.place.address ?? view.place.onlineUrl ?? '',
        chair: name(meeting.chairId),
        attendees: attendees.map((a) => a.display_name),
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
    const minutes = await this.repo.findOneBy({ meetingId });
    if (!minutes) throw DomainException.notFound();
    if (!statuses.includes(minutes.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: minutes.status === MinutesStatus.Approved ? 'minutesLocked' : 'matches' },
      ]);
    }
    return minutes;
  }
}
