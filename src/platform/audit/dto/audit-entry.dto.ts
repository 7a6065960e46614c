import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../pagination/page.dto';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-action';

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

/** An object the log talks about, named for a reader: 会议《…》, 服务请求 FW-2026-000123《…》, 参会人 张三. */
export class AuditObjectView {
  /** Stable key of the kind of object (`meeting`, `service_request`, `meeting_participant`, ...); `record` for a table without a description, `route` for a refused access. */
  kind: string;
  /** The table's name in words, for a kind the reader's language has no word for. */
  typeName: string;
  id: string | null;
  /** Title or name; null when the row has none and none could be found. */
  label: string | null;
  /** A short code shown before the label (a service request's number). */
  code: string | null;
  /** Whether the label is a title (quoted: 《…》) rather than a name. */
  quoted: boolean;
  /** Path of the object's page in the web app, when it has one and the object still exists. */
  link: string | null;
}

/** One changed field of an update; secrets are listed with `hidden` and no values. */
/** A column's value: any JSON value (text, number, yes/no, a list, an object). */
// Any JSON value or null; OpenAPI 3.0 lets `nullable` stand only beside a `type`, so one branch carries it.
const JSON_VALUE: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true, nullable: true },
  ],
};

export class AuditFieldChangeView {
  /** Column name, snake_case. */
  field: string;
  @ApiProperty({ ...JSON_VALUE, description: 'Value before' })
  from: unknown;
  @ApiProperty({ ...JSON_VALUE, description: 'Value after' })
  to: unknown;
  /** The name of the row `from` points at (a user, an organisation), when the field is a reference. */
  fromLabel: string | null;
  toLabel: string | null;
  hidden: boolean;
}

export class AuditEntryView {
  id: string;
  occurredAt: Date;
  actor: AuditActorView | null;
  // Named explicitly: the plugin's order of a union's members follows the compiler's, which varies between builds.
  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** The row as it was and as it became, without secrets. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  object: AuditObjectView;
  /** What the object belongs to (the meeting of a participant), when it belongs to something. */
  parent: AuditObjectView | null;
  /** Names of the rows the snapshots' reference columns point at (users, organisations, the alliance ...), by id. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  names: Record<string, string>;
  /** The fields an update changed, bookkeeping left out; empty for other actions. */
  changes: AuditFieldChangeView[];
}

export class AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}
