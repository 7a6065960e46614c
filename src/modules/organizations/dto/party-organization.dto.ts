import { IsDateString, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PartyOrganizationType } from '../entities/organization-kind';

export class PartyOrganizationDto {
  @IsEnum(PartyOrganizationType)
  type: PartyOrganizationType;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  secretary?: string | null;

  @IsInt()
  @Min(0)
  @Max(100_000)
  memberCount: number;

  @IsOptional()
  @IsDateString({ strict: true })
  foundedOn?: string | null;
}
