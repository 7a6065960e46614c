import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { InvitationView } from '../../users/dto/user.dto';

export class CreateTenantDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Matches(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/)
  slug: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Matches(/^[A-Za-z_]+\/[A-Za-z_+-]+$/)
  timeZone?: string;

  @IsEmail()
  @MaxLength(254)
  adminEmail: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  adminDisplayName: string;
}

export class TenantView {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  createdAt: Date;
}

export class TenantPage {
  items: TenantView[];
  nextCursor: string | null;
}

export class CreatedTenantView {
  tenant: TenantView;
  invitationUrl: string;
  admin: InvitationView['user'];
}
