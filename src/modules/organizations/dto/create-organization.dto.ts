import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ChainPosition, OrganizationKind } from '../entities/organization-kind';
import { ContactDto } from './contact.dto';
import { PartyOrganizationDto } from './party-organization.dto';

export const UNIFIED_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export class CreateOrganizationDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  /** 统一社会信用代码 (18 characters) */
  @IsOptional()
  @Matches(UNIFIED_CODE, { context: { reason: 'unifiedCode' } })
  unifiedCode?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @IsOptional()
  @IsEnum(ChainPosition)
  chainPosition?: ChainPosition | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  productTags?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => PartyOrganizationDto)
  partyOrganization?: PartyOrganizationDto | null;

  /** For an enterprise: the department it is paired with (结对), which serves its requests by default. */
  @IsOptional()
  @IsUUID()
  pairedDepartmentId?: string | null;
}
