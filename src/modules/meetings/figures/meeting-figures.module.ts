import { Module } from '@nestjs/common';
import { MeetingFiguresRepository } from './meeting-figures.repository';
import { MeetingFigures } from './meeting-figures.service';

/** The meetings' figures, for the dashboard (reading) and the worker (folding changed days in). */
@Module({
  providers: [MeetingFigures, MeetingFiguresRepository],
  exports: [MeetingFigures],
})
export class MeetingFiguresModule {}
