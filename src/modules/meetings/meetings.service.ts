import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { MeetingNotification } from './meetings.notifications';
import type { NotificationPayloads } from '../../platform/notifications/notification-registry';
import { Notifier } from '../../platform/notifications/notifier.service';
import { Outbox } from '../../platform/outbox/outbox.service';
import { MeetingJob } from './meetings.jobs';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page.dto';
import { decodeCursor, pageOfRows } from '../../platform/pagination/keyset';
import type {
  CancelMeetingDto,
  ListMeetingsQuery,
  MeetingView,
  NameAttendeeDto,
  PlaceDto,
  RescheduleDto,
  RsvpDto,
  ScheduleMeetingDto,
} from './dto/meeting.dto';
import { RsvpResponse } from './entities/rsvp-status';
import { MeetingStatus } from './entities/meeting-status';
import { Meeting, PlaceKind } from './entities/meeting.entity';
import { MAX_MEETING_HOURS } from './exported-views';
import { MeetingNeighboursRepository } from './meeting-neighbours.repository';
import { type InviteeScope, MeetingsRepository } from './meetings.repository';
import { ConflictsService } from './scheduling/conflicts.service';
import { expandOccurrences, InvalidRecurrence, Occurrence } from './scheduling/occurrences';
import { PeopleDirectory } from '../users/people-directory.service';

const EXCLUSION_VIOLATION = '23P01';

/** The types `announce` sends to everyone invited. */
type AnnouncedType =
  MeetingNotification.MeetingInvited | MeetingNotification.MeetingChanged | MeetingNotification.MeetingCancelled;

@Injectable()
export class MeetingsService {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly meetings: MeetingsRepository,
    private readonly neighbours: MeetingNeighboursRepository,
    private readonly conflicts: ConflictsService,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Schedules a meeting, or every occurrence of a series, refusing (409) any clash of room or required person. */
  async schedule(actor: Actor, input: ScheduleMeetingDto): Promise<{ items: MeetingView[]; notified: number }> {
    const first = this.occurrence(input.startsAt, input.endsAt);
    await this.checkPlace(input.place);
    if (!(await this.neighbours.allianceExists(input.allianceId)))
      throw DomainException.invalid([{ field: 'allianceId', reason: 'notFound' }]);
    let occurrences: Occurrence[] = [first];
    if (input.recurrence) {
      try {
        occurrences = expandOccurrences(input.recurrence, first);
      } catch (error) {
        if (error instanceof InvalidRecurrence)
          throw DomainException.invalid([{ field: 'recurrence', reason: 'invalidRecurrence' }]);
        throw error;
      }
    }
    const required = [...new Set([input.chairId, ...(input.invitees.requiredUserIds ?? [])])];
    await this.requireUsers(input.allianceId, required);
    await this.conflicts.assertFree(occurrences, input.place.zoneId ?? null, required);
    const organizations = await this.invitedOrganizations(input.allianceId, input.invitees);

    const tenantId = this.tenant.tenantId;
    const series = input.recurrence
      ? await this.meetings.saveSeries({
          tenantId,
          allianceId: input.allianceId,
          rrule: input.recurrence.trim(),
          firstStartsAt: first.startsAt,
        })
      : null;
    const ids: string[] = [];
    for (const occurrence of occurrences) {
      const meeting = await this.meetings.save({
        tenantId,
        allianceId: input.allianceId,
        seriesId: series?.id ?? null,
        title: input.title.trim(),
        description: input.description ?? null,
        convenerId: actor.userId,
        chairId: input.chairId,
        recorderId: input.recorderId ?? null,
        ...placeColumns(input.place),
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
      });
      await this.reserve(meeting);
      await this.meetings.addParticipants([
        ...required.map((userId) => ({
          tenantId,
          meetingId: meeting.id,
          attendeeId: userId,
          required: true,
          response: userId === input.chairId ? RsvpResponse.Accepted : RsvpResponse.Pending,
        })),
        ...organizations.map((organizationId) => ({
          tenantId,
          meetingId: meeting.id,
          organizationId,
          required: false,
        })),
      ]);
      await this.syncReminders(meeting.id);
      ids.push(meeting.id);
    }
    const notified = await this.announce(ids[0], MeetingNotification.MeetingInvited, { occurrences: ids.length });
    return { items: await this.meetings.views(ids), notified };
  }

  async reschedule(actor: Actor, id: string, input: RescheduleDto): Promise<MeetingView[]> {
    const meeting = await this.requireOwned(actor, id);
    const moved = this.occurrence(input.startsAt, input.endsAt);
    if (input.place) await this.checkPlace(input.place);
    const targets =
      input.scope === 'following' && meeting.seriesId ? await this.meetings.following(meeting) : [meeting];
    const shift = moved.startsAt.getTime() - meeting.startsAt.getTime();
    const duration = moved.endsAt.getTime() - moved.startsAt.getTime();
    const plan = targets.map((m) => ({
      meeting: m,
      startsAt: new Date(m.startsAt.getTime() + shift),
      endsAt: new Date(m.startsAt.getTime() + shift + duration),
    }));
    const required = (await this.meetings.participantsOf(id))
      .filter((p) => p.required && p.attendeeId)
      .map((p) => p.attendeeId!);
    const zoneId = input.place ? (input.place.zoneId ?? null) : meeting.zoneId;
    await this.conflicts.assertFree(
      plan,
      zoneId,
      required,
      targets.map((m) => m.id),
    );
    for (const { meeting: target, startsAt, endsAt } of plan) {
      const updated = {
        ...target,
        startsAt,
        endsAt,
        ...(input.place ? placeColumns(input.place) : {}),
        detached: target.detached || (!!target.seriesId && input.scope !== 'following'),
      };
      await this.meetings.save(updated);
      await this.reserve(updated);
      await this.syncReminders(target.id);
    }
    await this.announce(id, MeetingNotification.MeetingChanged, {});
    return this.meetings.views(targets.map((m) => m.id));
  }

  async cancel(actor: Actor, id: string, input: CancelMeetingDto): Promise<MeetingView[]> {
    const meeting = await this.requireOwned(actor, id);
    const targets =
      input.scope === 'following' && meeting.seriesId ? await this.meetings.following(meeting) : [meeting];
    for (const target of targets) {
      const cancelled = { ...target, status: MeetingStatus.Cancelled, cancelReason: input.reason.trim() };
      await this.meetings.save(cancelled);
      await this.reserve(cancelled);
      await this.syncReminders(target.id);
    }
    await this.announce(
      id,
      MeetingNotification.MeetingCancelled,
      { reason: input.reason.trim(), occurrences: targets.length },
      true,
    );
    return this.meetings.views(targets.map((m) => m.id));
  }

  /** Accept, decline with a reason, or delegate to a colleague of the same organisation. */
  async rsvp(actor: Actor, id: string, input: RsvpDto): Promise<MeetingView> {
    const meeting = await this.requireVisible(actor, id);
    if (meeting.status !== MeetingStatus.Scheduled)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'matches' }]);
    const participant = await this.meetings.findParticipant({ meetingId: id, attendeeId: actor.userId });
    if (!participant) throw DomainException.forbidden();
    if (input.response === RsvpResponse.Declined && !input.reason?.trim())
      throw DomainException.invalid([{ field: 'reason', reason: 'required' }]);
    if (input.response === RsvpResponse.Delegated) {
      const colleague = input.delegateUserId;
      if (
        !colleague ||
        colleague === actor.userId ||
        !(await this.peopleDirectory.isActive(colleague, { organizationId: actor.organizationId }))
      )
        throw DomainException.invalid([{ field: 'delegateUserId', reason: 'notFound' }]);
      await this.meetings.addParticipants([
        {
          tenantId: participant.tenantId,
          meetingId: id,
          organizationId: participant.organizationId,
          attendeeId: colleague,
          required: participant.required,
          delegatedFromId: actor.userId,
        },
      ]);
    }
    await this.meetings.updateParticipant(participant.id, {
      response: input.response,
      declineReason: input.response === RsvpResponse.Declined ? input.reason!.trim() : null,
      respondedAt: this.clock.now(),
    });
    return (await this.meetings.views([id]))[0];
  }

  /** An invited organisation names who attends for it. */
  async nameAttendee(actor: Actor, id: string, input: NameAttendeeDto): Promise<MeetingView> {
    await this.requireVisible(actor, id);
    if (actor.role !== Role.TownshipAdmin && actor.organizationId !== input.organizationId)
      throw DomainException.forbidden();
    const participant = await this.meetings.findParticipant({
      meetingId: id,
      organizationId: input.organizationId,
      delegatedFromId: IsNull(),
    });
    if (!participant) throw DomainException.notFound();
    if (!(await this.peopleDirectory.isActive(input.attendeeId, { organizationId: input.organizationId })))
      throw DomainException.invalid([{ field: 'attendeeId', reason: 'notFound' }]);
    await this.meetings.updateParticipant(participant.id, { attendeeId: input.attendeeId });
    await this.syncReminders(id);
    return (await this.meetings.views([id]))[0];
  }

  /** Every meeting between from and to the actor may see, up to 500 (the calendar feed). */
  async list(actor: Actor, from: Date, to: Date, allianceId?: string): Promise<MeetingView[]> {
    return this.meetings.views(await this.meetings.idsBetween(from, to, allianceId, this.visibleTo(actor)));
  }

  /** A page of the meetings between from and to the actor may see, by start. */
  async page(actor: Actor, query: ListMeetingsQuery): Promise<Page<MeetingView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? (decodeCursor(query.cursor, 'timestamp') as [string, string]) : null;
    const rows = await this.meetings.pageBetween(
      new Date(query.from),
      new Date(query.to),
      query.allianceId,
      this.visibleTo(actor),
      { limit, after },
    );
    const page = pageOfRows(rows, limit, (r) => [r.starts_at, r.id]);
    return { items: await this.meetings.views(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }

  private visibleTo(actor: Actor): InviteeScope | null {
    return actor.role === Role.TownshipAdmin ? null : { userId: actor.userId, organizationId: actor.organizationId };
  }

  async get(actor: Actor, id: string): Promise<MeetingView> {
    await this.requireVisible(actor, id);
    return (await this.meetings.views([id]))[0];
  }

  async requireVisible(actor: Actor, id: string): Promise<Meeting> {
    const meeting = await this.meetings.findById(id);
    if (!meeting) throw DomainException.notFound();
    if (actor.role === Role.TownshipAdmin) return meeting;
    if (!(await this.meetings.isInvited(id, { userId: actor.userId, organizationId: actor.organizationId })))
      throw DomainException.notFound();
    return meeting;
  }

  private async requireOwned(actor: Actor, id: string): Promise<Meeting> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    const meeting = await this.meetings.findForUpdate(id);
    if (!meeting) throw DomainException.notFound();
    if (meeting.status !== MeetingStatus.Scheduled)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'matches' }]);
    return meeting;
  }

  /** The room through the exclusion constraint: a race lost to another booking is the same 409 as a clash found. */
  private async reserve(meeting: Meeting): Promise<void> {
    try {
      await this.meetings.reserve(meeting);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === EXCLUSION_VIOLATION) {
        throw new DomainException(ErrorCode.MeetingConflict, 409, [
          { field: 'place.zoneId', reason: 'roomTaken', args: ['', '', ''] },
        ]);
      }
      throw error;
    }
  }

  private syncReminders(meetingId: string): Promise<string> {
    return this.outbox.enqueue({
      name: MeetingJob.SyncMeetingReminders,
      payload: { tenantId: this.tenant.tenantId, meetingId },
    });
  }

  /** Tells everyone invited: the people, and every user of the invited organisations; returns how many. */
  private async announce<T extends AnnouncedType>(
    meetingId: string,
    type: T,
    extra: Omit<NotificationPayloads[T], 'meetingId' | 'title' | 'startsAt'>,
    urgent = false,
  ): Promise<number> {
    const meeting = (await this.meetings.findById(meetingId))!;
    const recipients = await this.meetings.recipients(meetingId);
    await this.notifier.notify(
      { userIds: recipients, allianceIds: [meeting.allianceId] },
      type,
      // TypeScript cannot see that the common fields and the rest make the payload of a generic T.
      {
        meetingId,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        ...extra,
      } as NotificationPayloads[T],
      { urgent },
    );
    return recipients.length;
  }

  private occurrence(startsAt: string, endsAt: string): Occurrence {
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (end <= start) throw DomainException.invalid([{ field: 'endsAt', reason: 'endsAfterStart' }]);
    if (end.getTime() - start.getTime() > MAX_MEETING_HOURS * 3600_000)
      throw DomainException.invalid([{ field: 'endsAt', reason: 'max', args: [MAX_MEETING_HOURS] }]);
    return { startsAt: start, endsAt: end };
  }

  private async checkPlace(place: PlaceDto): Promise<void> {
    const given = {
      [PlaceKind.Room]: place.zoneId,
      [PlaceKind.Address]: place.address,
      [PlaceKind.Online]: place.onlineUrl,
    }[place.kind];
    if (!given) throw DomainException.invalid([{ field: 'place', reason: 'placeIncomplete' }]);
    if (place.kind === PlaceKind.Room) {
      if (!(await this.neighbours.zoneExists(place.zoneId)))
        throw DomainException.invalid([{ field: 'place.zoneId', reason: 'notFound' }]);
    }
  }

  /**
   * Required attendees are the people the alliance's picker offers (GET /users?allianceId=): the
   * township's officials and experts, and the people of the alliance's current members.
   */
  private async requireUsers(allianceId: string, ids: string[]): Promise<void> {
    const rows = await this.neighbours.activePeopleOfAlliance(ids, allianceId);
    if (rows.length !== ids.length)
      throw DomainException.invalid([{ field: 'invitees.requiredUserIds', reason: 'notFound' }]);
    if (rows.some((row) => !row.inAlliance))
      throw DomainException.invalid([{ field: 'invitees.requiredUserIds', reason: 'notInAlliance' }]);
  }

  private async invitedOrganizations(allianceId: string, invitees: ScheduleMeetingDto['invitees']): Promise<string[]> {
    const ids = new Set(invitees.organizationIds ?? []);
    if (invitees.allOf) {
      const members = await this.neighbours.currentMembers(allianceId, invitees.allOf === 'members');
      members.forEach((id) => ids.add(id));
    }
    if (ids.size === 0) return [];
    const found = await this.neighbours.organizationsOfAlliance([...ids], allianceId);
    if (found.length !== ids.size)
      throw DomainException.invalid([{ field: 'invitees.organizationIds', reason: 'notFound' }]);
    if (found.some((row) => !row.inAlliance))
      throw DomainException.invalid([{ field: 'invitees.organizationIds', reason: 'notInAlliance' }]);
    return [...ids];
  }
}

function placeColumns(place: PlaceDto) {
  return {
    placeKind: place.kind,
    zoneId: place.kind === PlaceKind.Room ? (place.zoneId ?? null) : null,
    address: place.kind === PlaceKind.Address ? (place.address ?? null) : null,
    onlineUrl: place.kind === PlaceKind.Online ? (place.onlineUrl ?? null) : null,
  };
}
