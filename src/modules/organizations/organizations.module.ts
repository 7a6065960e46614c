import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from './organization-directory.module';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [OrganizationDirectoryModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrganizationsRepository],
  exports: [OrganizationsService, OrganizationsRepository, OrganizationDirectoryModule],
})
export class OrganizationsModule {}
