import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { PartyOrganizationView } from '../../organizations/dto/organization.view';
import { ChainPosition, OrganizationKind } from '../../organizations/entities/organization-kind';
import { AllianceRole } from '../entities/alliance-role';

export class AddMemberDto {
  @IsUUID()
  organizationId: string;

  @IsEnum(AllianceRole)
  role: AllianceRole;

  @IsOptional()
  @IsDateString({ strict: true })
  joinedOn?: string;
}

export class LeaveAllianceDto {
  @IsDateString({ strict: true })
  leftOn: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class ListMembersQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(AllianceRole)
  role?: AllianceRole;

  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeLeft?: boolean;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class MemberOrganizationView {
  id: string;
  name: string;
  kind: OrganizationKind;
  chainPosition: ChainPosition | null;
  partyOrganization: PartyOrganizationView | null;
}

export class MembershipView {
  id: string;
  allianceId: string;
  role: AllianceRole;
  joinedOn: string;
  leftOn: string | null;
  leaveReason: string | null;
  organization: MemberOrganizationView;
}

export class MembershipPage {
  items: MembershipView[];
  nextCursor: string | null;
}
