import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** A mainland mobile number as the registry holds it (11 digits, no +86). */
export const SIGN_IN_MOBILE = /^1[3-9]\d{9}$/;

export class RequestSmsCodeDto {
  @ApiProperty({ example: '13800000000' })
  @IsString()
  @Matches(SIGN_IN_MOBILE, { context: { reason: 'isMobilePhone' } })
  mobile: string;
}

export class SmsSignInDto {
  @ApiProperty({ example: '13800000000' })
  @IsString()
  @Matches(SIGN_IN_MOBILE, { context: { reason: 'isMobilePhone' } })
  mobile: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { context: { reason: 'isSmsCode' } })
  code: string;
}

/** The same answer for every number, with an account or not. */
export class SmsCodeRequestedDto {
  /** When another code may be asked for. */
  resendAfterSeconds: number;
  /** How long a code works once it arrives. */
  expiresInSeconds: number;
}
