import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AlliancesController } from './alliances.controller';
import { AlliancesRepository } from './alliances.repository';
import { AlliancesService } from './alliances.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';

@Module({
  imports: [PeopleDirectoryModule, OrganizationsModule],
  controllers: [AlliancesController],
  providers: [AlliancesService, AlliancesRepository],
  exports: [AlliancesService],
})
export class AlliancesModule {}
