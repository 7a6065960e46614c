import { Module } from '@nestjs/common';
import { ProjectCallsController } from './project-calls.controller';
import { ProjectCallsRepository } from './project-calls.repository';
import { ProjectCallsService } from './project-calls.service';
import { ProjectDeadlineRemindersHandler } from './project-deadline-reminders.handler';
import { PeopleDirectoryModule } from '../users/people-directory.module';

@Module({
  imports: [PeopleDirectoryModule],
  controllers: [ProjectCallsController],
  providers: [ProjectCallsService, ProjectCallsRepository],
})
export class ProjectCallsModule {}

@Module({ providers: [ProjectDeadlineRemindersHandler, ProjectCallsRepository] })
export class ProjectCallsWorkerModule {}
