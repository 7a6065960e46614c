import { Module } from '@nestjs/common';
import { StudyRouteController } from './study-route.controller';
import { StudyRouteService } from './study-route.service';

@Module({ controllers: [StudyRouteController], providers: [StudyRouteService] })
export class StudyRouteModule {}
