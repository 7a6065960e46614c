import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { OrganizationKind } from '../entities/organization-kind';

export class ListOrganizationsQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID()
  allianceId?: string;
}
