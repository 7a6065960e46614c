import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { languageFrom } from '../../platform/errors/localized-messages';
import { IdParam } from '../../platform/http/id-param.decorator';
import { TransferJobPage, TransferJobView } from '../registry-transfer/dto/transfer-job.view';
import { ListLedgersQuery, StartLedgerDto } from './dto/ledger.dto';
import { LedgerService } from './ledger.service';

/** The alliance's ledger (工作台账), for officials: started here, followed and downloaded at /jobs/:id. */
@ApiTags('ledger')
@ApiBearerAuth()
@Roles(Role.TownshipAdmin)
@Controller('alliances/:id/ledgers')
export class LedgerController {
  constructor(private readonly ledgers: LedgerService) {}

  @ApiOperation({ summary: "Start an alliance's ledger (.docx or .xlsx) for a period" })
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  start(@IdParam() id: string, @Body() body: StartLedgerDto, @Req() request: FastifyRequest): Promise<TransferJobView> {
    return this.ledgers.start(id, body, languageFrom(request.headers['accept-language']));
  }

  @ApiOperation({ summary: "The alliance's ledgers, newest first" })
  @Get()
  list(@IdParam() id: string, @Query() query: ListLedgersQuery): Promise<TransferJobPage> {
    return this.ledgers.list(id, query);
  }
}
