import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '../../organizations/organization-directory.module';
import { MemberFiguresRepository } from './member-figures.repository';
import { MemberFigures } from './member-figures.service';

/** The alliances' member figures, for the dashboard (reading) and the worker (folding changes in). */
@Module({
  imports: [OrganizationDirectoryModule],
  providers: [MemberFigures, MemberFiguresRepository],
  exports: [MemberFigures],
})
export class MemberFiguresModule {}
