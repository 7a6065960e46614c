import { Module } from '@nestjs/common';
import { ResourceSharingController } from './resource-sharing.controller';
import { ResourceSharingRepository } from './resource-sharing.repository';
import { ResourceSharingService } from './resource-sharing.service';

@Module({ controllers: [ResourceSharingController], providers: [ResourceSharingService, ResourceSharingRepository] })
export class ResourceSharingModule {}
