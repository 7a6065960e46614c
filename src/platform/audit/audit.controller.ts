import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { Role } from '../auth/entities/role';
import { AuditService } from './audit.service';
import { AuditPage, ListAuditQuery } from './dto/audit-entry.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Search the audit log' })
  @Get()
  list(@Query() query: ListAuditQuery): Promise<AuditPage> {
    return this.audit.list(query);
  }
}
