import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { NamedRef } from '../../../platform/http/references.view';
import { ExpertAvailability } from '../entities/expert.entity';

export class UpdateExpertDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  fields?: string[];

  @IsOptional()
  @IsUUID()
  affiliationOrganizationId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  affiliationExternal?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  bio?: string | null;

  @IsOptional()
  @IsEnum(ExpertAvailability)
  availability?: ExpertAvailability;
}

export class CreateExpertDto extends UpdateExpertDto {
  /** A user of the tenant, normally invited with the expert role. */
  @IsUUID()
  userId: string;
}

export class DeclarationDto {
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class DeclarationView {
  id: string;
  organization: NamedRef | null;
  user: { id: string; displayName: string } | null;
  reason: string;
  createdAt: Date;
}

export class ExpertView {
  id: string;
  userId: string;
  displayName: string;
  fields: string[];
  affiliationOrganization: NamedRef | null;
  affiliationExternal: string | null;
  title: string | null;
  bio: string | null;
  availability: ExpertAvailability;
  declarations: DeclarationView[];
}

export class ExpertPage {
  items: ExpertView[];
  nextCursor: string | null;
}

export class ReviewHistoryEntry {
  assignmentId: string;
  reportId: string;
  reportTitle: string;
  round: number;
  status: string;
  invitedAt: Date;
  dueAt: Date;
  submittedAt: Date | null;
  onTime: boolean | null;
}

export class ReviewHistoryPage {
  items: ReviewHistoryEntry[];
  nextCursor: string | null;
}

export class WorkloadEntry {
  expertId: string;
  displayName: string;
  availability: ExpertAvailability;
  openReviews: number;
  submittedReviews: number;
  /** Share of the reviews due so far that came in on time (one still open past its due time counts as late); null before the first. */
  onTimeRate: number | null;
  /** Average days from invitation to submission; null before the first. */
  averageTurnaroundDays: number | null;
}

export class WorkloadPage {
  items: WorkloadEntry[];
  nextCursor: string | null;
}
