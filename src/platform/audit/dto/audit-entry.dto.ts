import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../pagination/page.dto';

export class ListAuditQuery extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(63)
  entityType?: string;

  @IsOptional()
  @IsUUID()
  entityId?: string;
}

export class AuditActorView {
  id: string;
  displayName: string;
}

export class AuditEntryView {
  id: string;
  occurredAt: Date;
  actor: AuditActorView | null;
  action: 'insert' | 'update' | 'delete' | 'refused';
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export class AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}
