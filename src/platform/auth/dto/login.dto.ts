import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** An email address or a mobile number. */
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
