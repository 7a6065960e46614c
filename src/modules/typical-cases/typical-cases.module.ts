import { Module } from '@nestjs/common';
import { PublicShowcaseController } from './public-showcase.controller';
import { PublicShowcaseService } from './public-showcase.service';
import { TypicalCasesController } from './typical-cases.controller';
import { TypicalCasesRepository } from './typical-cases.repository';
import { TypicalCasesService } from './typical-cases.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';

@Module({
  imports: [PeopleDirectoryModule, OrganizationDirectoryModule],
  controllers: [TypicalCasesController, PublicShowcaseController],
  providers: [TypicalCasesRepository, TypicalCasesService, PublicShowcaseService],
})
export class TypicalCasesModule {}
