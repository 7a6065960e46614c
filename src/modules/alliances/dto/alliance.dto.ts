import { PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AllianceRole } from '../entities/alliance-role';

export class CreateAllianceDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

export class UpdateAllianceDto extends PartialType(CreateAllianceDto) {}

export class MemberCountsView {
  lead: number;
  departments: number;
  members: number;
}

export class AllianceView {
  id: string;
  name: string;
  industry: string | null;
  description: string | null;
  createdAt: Date;
  memberCounts: MemberCountsView;

  /** The signed-in person's organisation's current place in the alliance; null when it is not a member (or has no organisation). */
  myRole: AllianceRole | null;
}

export class AlliancePage {
  items: AllianceView[];
  nextCursor: string | null;
}
