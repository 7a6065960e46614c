import { PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
}

export class AlliancePage {
  items: AllianceView[];
  nextCursor: string | null;
}
