import { Module } from '@nestjs/common';
import { IndicatorRemindersHandler } from './indicator-reminders.handler';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';

@Module({ controllers: [IndicatorsController], providers: [IndicatorsService, IndicatorsRepository] })
export class IndicatorsModule {}

@Module({ imports: [PeopleDirectoryModule], providers: [IndicatorRemindersHandler, IndicatorsRepository] })
export class IndicatorsWorkerModule {}
