import { Module } from '@nestjs/common';
import { ResourceSharingController } from './resource-sharing.controller';
import { ResourceSharingService } from './resource-sharing.service';

@Module({ controllers: [ResourceSharingController], providers: [ResourceSharingService] })
export class ResourceSharingModule {}
