import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { WithoutRequestTransaction } from '../tenancy/request-transaction.interceptor';
import { metricsRegistry } from './metrics';

@ApiExcludeController()
@Public()
@WithoutRequestTransaction()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
