import { Module } from '@nestjs/common';
import { ResourceSharingController } from './resource-sharing.controller';
import { ResourceSharingRepository } from './resource-sharing.repository';
import { ResourceSharingService } from './resource-sharing.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';

@Module({
  imports: [PeopleDirectoryModule, OrganizationDirectoryModule],
  controllers: [ResourceSharingController],
  providers: [ResourceSharingService, ResourceSharingRepository],
})
export class ResourceSharingModule {}
