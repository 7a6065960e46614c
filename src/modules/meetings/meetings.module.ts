import { Module } from '@nestjs/common';
import { CalendarExport } from './calendar-export.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ConflictsService } from './scheduling/conflicts.service';
import { FreeSlotsService } from './scheduling/free-slots.service';

@Module({
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository, ConflictsService, FreeSlotsService, CalendarExport],
})
export class MeetingsModule {}
