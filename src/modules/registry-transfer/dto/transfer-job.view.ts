import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { TransferJobKind } from '../entities/transfer-job-kind';
import { TransferJobStatus } from '../entities/transfer-job-status';

export class RefusedRowView {
  row: number;
  field: string;
  reason: string;
}

/** What an export covers: its period (YYYY-MM-DD, the day after the last as `to`) and format. */
export class TransferJobParametersView {
  from?: string;
  to?: string;
  format?: string;
}

export class TransferJobView {
  id: string;
  kind: TransferJobKind;
  status: TransferJobStatus;
  allianceId: string;
  progress: number;
  totalRows: number;
  processedRows: number;
  acceptedRows: number;
  refusedRows: RefusedRowView[];
  error: string | null;
  fileName: string | null;
  parameters: TransferJobParametersView;
  createdAt: Date;
  finishedAt: Date | null;
}

export class TransferJobPage {
  items: TransferJobView[];
  nextCursor: string | null;
}

export class ListTransferJobsQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(TransferJobKind)
  kind?: TransferJobKind;
}

export class TemplateQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}
