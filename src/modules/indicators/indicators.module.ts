import { Module } from '@nestjs/common';
import { IndicatorRemindersHandler } from './indicator-reminders.handler';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({ controllers: [IndicatorsController], providers: [IndicatorsService] })
export class IndicatorsModule {}

@Module({ providers: [IndicatorRemindersHandler] })
export class IndicatorsWorkerModule {}
