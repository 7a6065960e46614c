import { Module } from '@nestjs/common';
import { ProjectCallsController } from './project-calls.controller';
import { ProjectCallsService } from './project-calls.service';
import { ProjectDeadlineRemindersHandler } from './project-deadline-reminders.handler';

@Module({ controllers: [ProjectCallsController], providers: [ProjectCallsService] })
export class ProjectCallsModule {}

@Module({ providers: [ProjectDeadlineRemindersHandler] })
export class ProjectCallsWorkerModule {}
