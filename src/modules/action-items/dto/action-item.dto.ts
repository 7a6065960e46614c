import { PersonRef } from '../../../platform/http/references.view';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import {
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ActionItemStatus } from '../entities/action-item-status';

export class CreateActionItemDto {
  @IsUUID()
  allianceId: string;

  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsUUID()
  ownerOrganizationId: string;

  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @IsDateString({ strict: true })
  dueOn: string;
}

export class ProgressDto {
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class ListActionItemsQuery extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @IsOptional()
  @IsUUID()
  reportId?: string;

  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @IsOptional()
  @IsUUID()
  ownerOrganizationId?: string;

  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus;
}

export class ActionItemUpdateView {
  id: string;
  author: PersonRef | null;
  progress: number;
  note: string | null;
  createdAt: Date;
}

export class ActionItemView {
  id: string;
  allianceId: string;
  meetingId: string | null;
  reportId: string | null;
  title: string;
  description: string | null;
  ownerOrganization: { id: string; name: string };
  ownerUser: PersonRef | null;
  dueOn: string;
  status: ActionItemStatus;
  progress: number;
  overdue: boolean;
  escalationLevel: number;
  completedAt: Date | null;
  updates: ActionItemUpdateView[];
}

export class ActionItemList {
  items: ActionItemView[];
}

/** The board, a page at a time (a report's recommendations are an ActionItemList: a few, all at once). */
export class ActionItemPage {
  items: ActionItemView[];
  nextCursor: string | null;
}
