import { IsDateString, IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';

export class StartLedgerDto {
  /** A month (2026-11), a quarter (2026-Q4) or a year (2026); else give from and to. */
  @IsOptional()
  @IsString()
  period?: string;

  /** The first day (YYYY-MM-DD), with `to`, when no period is given. */
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  /** The day after the last (YYYY-MM-DD). */
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @IsIn(['docx', 'xlsx', 'pdf'])
  format: 'docx' | 'xlsx' | 'pdf';
}

export class ListLedgersQuery extends PageQueryDto {}
