import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../platform/auth/access.decorators';
import { CurrentActor } from '../../platform/auth/current-actor.decorator';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import { sendFile } from '../../platform/http/send-file';
import { PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { AgendaService } from './agenda/agenda.service';
import { AttendanceService } from './attendance/attendance.service';
import {
  AgendaItemView,
  AgendaPage,
  AttendanceView,
  CheckInCodeView,
  CheckInDto,
  DecideAgendaItemDto,
  MinutesCommentDto,
  MinutesContentDto,
  MinutesView,
  ProposeAgendaItemDto,
  ReviewItemPage,
} from './dto/meeting-session.dto';
import { MinutesService } from './minutes/minutes.service';

const TENANT_ROLES = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert];

/** What happens around a meeting: its agenda, the check-in, and the minutes. */
@ApiTags('meetings')
@ApiBearerAuth()
@Roles(...TENANT_ROLES)
@Controller('meetings/:id')
export class MeetingSessionController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly attendance: AttendanceService,
    private readonly minutes: MinutesService,
  ) {}

  @ApiOperation({ summary: 'Get the agenda' })
  @Get('agenda')
  getAgenda(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto): Promise<AgendaPage> {
    return this.agenda.items(actor, id, page);
  }

  /** Last meeting's unfinished action items, to review at this one. */
  @ApiOperation({ summary: 'Open action items to review' })
  @Get('agenda/review')
  getReview(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto): Promise<ReviewItemPage> {
    return this.agenda.review(actor, id, page);
  }

  @ApiOperation({ summary: 'Propose an agenda item' })
  @Post('agenda')
  propose(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: ProposeAgendaItemDto,
  ): Promise<AgendaItemView> {
    return this.agenda.propose(actor, id, body);
  }

  @ApiOperation({ summary: 'Decide on an agenda item' })
  @Post('agenda/:itemId/decision')
  @HttpCode(HttpStatus.OK)
  decide(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Body() body: DecideAgendaItemDto,
  ): Promise<AgendaItemView> {
    return this.agenda.decide(actor, id, itemId, body);
  }

  /** The QR code to show at the meeting (officials). */
  @ApiOperation({ summary: 'Get the check-in QR code' })
  @Get('check-in-code')
  checkInCode(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CheckInCodeView> {
    return this.attendance.code(actor, id);
  }

  @ApiOperation({ summary: 'Check in to a meeting' })
  @ApiConflictResponse({ description: 'Check-in is closed.' })
  @Post('check-in')
  @HttpCode(HttpStatus.OK)
  checkIn(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CheckInDto): Promise<AttendanceView> {
    return this.attendance.checkIn(actor, id, body.code);
  }

  @ApiOperation({ summary: 'Get the attendance' })
  @Get('attendance')
  getAttendance(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AttendanceView> {
    return this.attendance.attendance(actor, id);
  }

  @ApiOperation({ summary: 'Get the minutes' })
  @Get('minutes')
  getMinutes(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MinutesView> {
    return this.minutes.view(actor, id);
  }

  @ApiOperation({ summary: 'Write the minutes' })
  @ApiConflictResponse({ description: 'The minutes are approved and locked.' })
  @Put('minutes')
  writeMinutes(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: MinutesContentDto,
  ): Promise<MinutesView> {
    return this.minutes.write(actor, id, body.content);
  }

  @ApiOperation({ summary: 'Circulate the minutes' })
  @ApiConflictResponse({ description: 'The minutes are not in a status that allows this.' })
  @Post('minutes/circulate')
  @HttpCode(HttpStatus.OK)
  circulate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MinutesView> {
    return this.minutes.circulate(actor, id);
  }

  @ApiOperation({ summary: 'Comment on the minutes' })
  @Post('minutes/comments')
  commentOnMinutes(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: MinutesCommentDto,
  ): Promise<MinutesView> {
    return this.minutes.comment(actor, id, body.body);
  }

  @ApiOperation({ summary: 'Approve the minutes' })
  @ApiConflictResponse({ description: 'The minutes are not in a status that allows this.' })
  @Post('minutes/approve')
  @HttpCode(HttpStatus.OK)
  approve(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MinutesView> {
    return this.minutes.approve(actor, id);
  }

  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Download the minutes as PDF' })
  @Get('minutes.pdf')
  async pdf(@CurrentActor() actor: Actor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.minutes.pdf(actor, id);
    await sendFile(reply, file.fileName, 'application/pdf', file.content);
  }
}
