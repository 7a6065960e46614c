import { Module } from '@nestjs/common';
import { StudyRouteController } from './study-route.controller';
import { StudyRouteRepository } from './study-route.repository';
import { StudyRouteService } from './study-route.service';

@Module({ controllers: [StudyRouteController], providers: [StudyRouteService, StudyRouteRepository] })
export class StudyRouteModule {}
