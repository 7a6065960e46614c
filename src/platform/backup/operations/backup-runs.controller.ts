import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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

  /** The backup runs, newest first: their state, file, size, contents and verification. */
  @ApiOperation({ summary: 'List backup runs' })
  @Get('runs')
  list(@Query() query: PageQueryDto): Promise<BackupRunPage> {
    return this.backups.list(query);
  }

  /** Whether backups are configured, their schedule, the last good backup and whether it is stale (over 26 hours). */
  @ApiOperation({ summary: 'Backup status' })
  @Get('status')
  status(): Promise<BackupStatusView> {
    return this.backups.status();
  }

  /** 202: the worker takes the backup; the run shows queued, running, then its result in the list. */
  @ApiOperation({ summary: 'Back up now' })
  @ApiConflictResponse({
    description: 'Backups are not configured (no BACKUP_KEY), or a backup is already queued or running.',
  })
  @Post('runs')
  @HttpCode(HttpStatus.ACCEPTED)
  requestNow(): Promise<BackupRunView> {
    return this.backups.requestNow();
  }
}
