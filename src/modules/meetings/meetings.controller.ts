import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role, UserStatus } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { WithoutRequestTransaction } from '../../platform/tenancy/request-transaction.interceptor';
import { AttendanceService } from './attendance/attendance.service';
import { CalendarExport } from './calendar-export.service';
import { AttendanceStatisticsQuery, AttendanceStatisticsView } from './dto/meeting-session.dto';
import {
  CancelMeetingDto,
  FeedView,
  FreeSlotsQuery,
  ListMeetingsQuery,
  MeetingList,
  MeetingView,
  NameAttendeeDto,
  NewMeetingsView,
  RescheduleDto,
  RsvpDto,
  ScheduledView,
  ScheduleMeetingDto,
  SlotList,
} from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';
import { FreeSlotsService } from './scheduling/free-slots.service';
import { Clock } from '../../platform/clock/clock';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];
const FEED = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,64})\.ics$/;

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly slots: FreeSlotsService,
    private readonly ics: CalendarExport,
    private readonly tenant: TenantContext,
    private readonly attendance: AttendanceService,
    private readonly clock: Clock,
  ) {}

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Schedule a meeting' })
  @ApiConflictResponse({ description: 'A person or the room is busy at that time.' })
  @Post('meetings')
  schedule(@CurrentActor() actor: Actor, @Body() body: ScheduleMeetingDto): Promise<NewMeetingsView> {
    return this.meetings.schedule(actor, body);
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'List meetings' })
  @Get('meetings')
  async list(@CurrentActor() actor: Actor, @Query() query: ListMeetingsQuery): Promise<MeetingList> {
    return this.meetings.page(actor, query);
  }

  /** The earliest times when the room and every person given are free, in office hours. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Find free time slots' })
  @Get('meetings/free-slots')
  async freeSlots(@Query() query: FreeSlotsQuery): Promise<SlotList> {
    const userIds = (query.userIds ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (userIds.some((id) => !/^[0-9a-f-]{36}$/i.test(id)))
      throw DomainException.invalid([{ field: 'userIds', reason: 'isUuid' }]);
    return this.slots.find(
      new Date(query.from),
      new Date(query.to),
      query.durationMinutes,
      query.zoneId ?? null,
      userIds,
      query,
    );
  }

  /** Attendance per organisation over the meetings held in a period. */
  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Attendance statistics' })
  @Get('meetings/attendance-statistics')
  attendanceStatistics(@Query() query: AttendanceStatisticsQuery): Promise<AttendanceStatisticsView> {
    return this.attendance.statistics(query.allianceId, new Date(query.from), new Date(query.to));
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Get a meeting' })
  @Get('meetings/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MeetingView> {
    return this.meetings.get(actor, id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Change or reschedule a meeting' })
  @ApiConflictResponse({
    description: 'A person or the room is busy at that time, or the meeting is no longer scheduled.',
  })
  @Patch('meetings/:id')
  async reschedule(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: RescheduleDto,
  ): Promise<ScheduledView> {
    return { items: await this.meetings.reschedule(actor, id, body) };
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Cancel a meeting' })
  @ApiConflictResponse({ description: 'The meeting is no longer scheduled.' })
  @Post('meetings/:id/cancel')
  @HttpCode(HttpStatus.OK)
  async cancel(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: CancelMeetingDto,
  ): Promise<ScheduledView> {
    return { items: await this.meetings.cancel(actor, id, body) };
  }

  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Answer an invitation' })
  @ApiConflictResponse({ description: 'The meeting is no longer scheduled.' })
  @Post('meetings/:id/rsvp')
  @HttpCode(HttpStatus.OK)
  rsvp(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RsvpDto): Promise<MeetingView> {
    return this.meetings.rsvp(actor, id, body);
  }

  @Roles(Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact)
  @ApiOperation({ summary: "Name the organisation's attendee" })
  @ApiConflictResponse({ description: 'The meeting is no longer scheduled.' })
  @Post('meetings/:id/attendee')
  @HttpCode(HttpStatus.OK)
  nameAttendee(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: NameAttendeeDto,
  ): Promise<MeetingView> {
    return this.meetings.nameAttendee(actor, id, body);
  }

  @ApiProduces('text/calendar')
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Download a meeting as iCalendar' })
  @Get('meetings/:id/ics')
  async meetingIcs(@CurrentActor() actor: Actor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const meeting = await this.meetings.get(actor, id);
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${id}.ics"`)
      .send(this.ics.render([meeting], meeting.title));
  }

  /** A private subscription URL for calendar apps; asking again replaces the old one. */
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Create a calendar subscription URL' })
  @Post('calendar/feed')
  @HttpCode(HttpStatus.OK)
  async feed(@CurrentActor() actor: Actor): Promise<FeedView> {
    return { url: await this.ics.rotateFeed(actor) };
  }

  /** The subscription itself: the URL's secret is the credential, as calendar apps cannot sign in. */
  @ApiProduces('text/calendar')
  @Public()
  @WithoutRequestTransaction()
  @ApiOperation({ summary: 'Calendar subscription feed' })
  @Get('calendar/:feed')
  async feedIcs(@Param('feed') feed: string, @Res() reply: FastifyReply): Promise<void> {
    const match = FEED.exec(feed);
    if (!match) throw DomainException.notFound();
    const [, userId, token] = match;
    const body = await this.tenant.run(
      { userId, tenantId: null, role: Role.Expert, organizationId: null },
      async () => {
        const user = await this.ics.person(userId);
        if (!user || user.status !== UserStatus.Active || !user.tenantId) return null;
        const actor: Actor = {
          userId,
          tenantId: user.tenantId,
          role: user.role,
          organizationId: user.organizationId,
        };
        await this.tenant.assume(actor);
        if (!(await this.ics.feedOwner(userId, token))) return null;
        const now = this.clock.now().getTime();
        const meetings = await this.meetings.list(
          actor,
          new Date(now - 90 * 86_400_000),
          new Date(now + 365 * 86_400_000),
        );
        return this.ics.render(meetings, '联席会议 Joint meetings');
      },
    );
    if (!body) throw DomainException.notFound();
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .send(body);
  }
}
