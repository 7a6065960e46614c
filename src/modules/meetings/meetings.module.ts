import { Module } from '@nestjs/common';
import { VenuesModule } from '../venues/venues.module';
import { AgendaRepository } from './agenda/agenda.repository';
import { AgendaService } from './agenda/agenda.service';
import { AttendanceRepository } from './attendance/attendance.repository';
import { AttendanceService } from './attendance/attendance.service';
import { CalendarExport } from './calendar-export.service';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { MeetingNeighboursRepository } from './meeting-neighbours.repository';
import { MeetingSessionController } from './meeting-session.controller';
import { MinutesRepository } from './minutes/minutes.repository';
import { MinutesService } from './minutes/minutes.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ConflictsService } from './scheduling/conflicts.service';
import { FreeSlotsService } from './scheduling/free-slots.service';
import { SchedulingRepository } from './scheduling/scheduling.repository';
import { PeopleDirectoryModule } from '../users/people-directory.module';

@Module({
  imports: [PeopleDirectoryModule, VenuesModule],
  controllers: [MeetingsController, MeetingSessionController],
  providers: [
    MeetingsService,
    MeetingsRepository,
    MeetingNeighboursRepository,
    ConflictsService,
    FreeSlotsService,
    SchedulingRepository,
    CalendarExport,
    CalendarFeedsRepository,
    AgendaService,
    AgendaRepository,
    AttendanceService,
    AttendanceRepository,
    MinutesService,
    MinutesRepository,
  ],
})
export class MeetingsModule {}
