import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { ListingKind, ListingStatus } from '../entities/listing.entity';

export class CreateListingDto {
  @IsEnum(ListingKind)
  kind: ListingKind;

  /** e.g. equipment, space, know-how, technology, market, financing. */
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  category: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  tags?: string[];

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description: string;

  /** The last day the listing is valid. */
  @IsOptional()
  @IsDateString({ strict: true })
  validUntil?: string;

  @IsOptional()
  @IsUUID()
  allianceId?: string;
}

export class ListListingsQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(ListingKind)
  kind?: ListingKind;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  tag?: string;

  @IsOptional()
  @IsEnum(ListingStatus)
  status?: ListingStatus;

  /** Only the actor's organisation's listings. */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

export class ExpressInterestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  message: string;
}

export class MessageDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body: string;
}

export class CreateTalentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  category: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  skills: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;
}

export class ListTalentsQuery extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(30)
  skill?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;
}
