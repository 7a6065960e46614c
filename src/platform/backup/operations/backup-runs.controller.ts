import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { Role } from '../../auth/entities/role';
import { PageQueryDto } from '../../pagination/page.dto';
import { BackupRunsService } from './backup-runs.service';
import { BackupRunPage, BackupRunView, BackupStatusView } from './dto/backup-run.dto';

/** Platform admins only: the worker's backups, their state, and a backup now. */
@ApiTags('backups')
@ApiBearerAuth()
@Roles(Role.PlatformAdmin)
@Controller('admin/backups')
export class BackupRunsController {
  constructor(private readonly backups: BackupRunsService) {}

  @Get('runs')
  list(@Query() query: PageQueryDto): Promise<BackupRunPage> {
    return this.backups.list(query);
  }

  @Get('status')
  status(): Promise<BackupStatusView> {
    return this.backups.status();
  }

  /** 202: the worker takes the backup; the run shows queued, running, then its result in the list. */
  @Post('runs')
  @HttpCode(HttpStatus.ACCEPTED)
  requestNow(): Promise<BackupRunView> {
    return this.backups.requestNow();
  }
}
