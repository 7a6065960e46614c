import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { Role, UserStatus } from '../../../platform/auth/entities/role';

export const MOBILE = /^1[3-9]\d{9}$/;

export class InviteUserDto {
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @Matches(MOBILE, { context: { reason: 'isMobilePhone' } })
  mobile?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @IsEnum(Role)
  role: Role;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

export class ListUsersQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  /** Matches the name, email, mobile or organisation name. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /**
   * Only the people who may be asked to this alliance's meetings: the township's officials and
   * think-tank experts, and the staff and contacts of the organisations in the alliance today.
   */
  @IsOptional()
  @IsUUID()
  allianceId?: string;
}

export class UserOrganizationView {
  id: string;
  name: string;
}

export class UserView {
  id: string;
  email: string | null;
  /** Masked (138****5678) in lists. */
  mobile: string | null;
  displayName: string;
  role: Role;
  status: UserStatus;
  organization: UserOrganizationView | null;
  createdAt: Date;
}

export class UserPage {
  items: UserView[];
  nextCursor: string | null;
}

export class InvitationView {
  user: UserView;
  /** To send to the person; it is shown once and only its hash is kept. */
  invitationUrl: string;
}
