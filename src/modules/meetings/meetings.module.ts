import { Module } from '@nestjs/common';
import { VenuesModule } from '../venues/venues.module';
import { AgendaService } from './agenda/agenda.service';
import { AttendanceService } from './attendance/attendance.service';
import { CalendarExport } from './calendar-export.service';
import { MeetingSessionController } from './meeting-session.controller';
import { MinutesService } from './minutes/minutes.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ConflictsService } from './scheduling/conflicts.service';
import { FreeSlotsService } from './scheduling/free-slots.service';

@Module({
  imports: [VenuesModule],
  controllers: [MeetingsController, MeetingSessionController],
  providers: [
    MeetingsService,
    MeetingsRepository,
    ConflictsService,
    FreeSlotsService,
    CalendarExport,
    AgendaService,
    AttendanceService,
    MinutesService,
  ],
})
export class MeetingsModule {}
