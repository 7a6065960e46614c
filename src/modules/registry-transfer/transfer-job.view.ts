import type { TransferJobView } from './dto/transfer-job.view';
import type { TransferJob } from './entities/transfer-job.entity';

export function toTransferJobView(job: TransferJob): TransferJobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    allianceId: job.allianceId,
    progress: job.progress,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    acceptedRows: job.acceptedRows,
    refusedRows: job.refusedRows,
    error: job.error,
    fileName: job.fileName,
    parameters: job.parameters ?? {},
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}
