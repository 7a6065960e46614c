import { Module } from '@nestjs/common';
import { ServiceStatistics } from './service-statistics.service';
import { StatisticsRepository } from './statistics.repository';

/** The service statistics, for the API, the worker (their refresh and export) and the dashboard alike. */
@Module({
  providers: [ServiceStatistics, StatisticsRepository],
  exports: [ServiceStatistics, StatisticsRepository],
})
export class ServiceStatisticsModule {}
