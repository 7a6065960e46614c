import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../tenancy/request-actor';
import { WithoutRequestTransaction } from '../tenancy/request-transaction.interceptor';
import { Public, SignedIn } from './access.decorators';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { MeDto } from './dto/me.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { RequestSmsCodeDto, SmsCodeRequestedDto, SmsSignInDto } from './dto/sms-sign-in.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { MeService } from './me.service';
import { SmsSignIn } from './sms-sign-in.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly me: MeService,
    private readonly sms: SmsSignIn,
  ) {}

  @Public()
  @WithoutRequestTransaction()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with a password' })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials.' })
  @ApiForbiddenResponse({ description: 'The account is disabled.' })
  @ApiResponse({ status: HttpStatus.LOCKED, description: 'Too many failed attempts: the account is locked a while.' })
  @Post('login')
  @HttpCode(HttpStatus.OK)
  login(@Body() _credentials: LoginDto, @Req() request: FastifyRequest & { user: Actor }): Promise<TokenPairDto> {
    return this.auth.login(request.user, String(request.id));
  }

  @Public()
  @WithoutRequestTransaction()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Text a sign-in code to a mobile number',
    description:
      'Answers every well-formed number alike, with an account or not; the code is sent afterwards through the ' +
      "township's SMS account, only to an invited or active person whose registry mobile it is. One code a minute " +
      'and ten a day per number; a code works five minutes and five tries.',
  })
  @ApiResponse({ status: HttpStatus.TOO_MANY_REQUESTS, description: 'Asked too often (Retry-After says when again).' })
  @Post('sms-codes')
  @HttpCode(HttpStatus.ACCEPTED)
  requestSmsCode(@Body() body: RequestSmsCodeDto): Promise<SmsCodeRequestedDto> {
    return this.sms.requestCode(body.mobile);
  }

  @Public()
  @WithoutRequestTransaction()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with a mobile number and a texted code' })
  @ApiUnauthorizedResponse({ description: 'Wrong, used up or expired code.' })
  @ApiForbiddenResponse({ description: 'The account is disabled.' })
  @ApiResponse({ status: HttpStatus.LOCKED, description: 'Too many failed attempts: the account is locked a while.' })
  @Post('sms-sign-in')
  @HttpCode(HttpStatus.OK)
  smsSignIn(@Body() body: SmsSignInDto, @Req() request: FastifyRequest): Promise<TokenPairDto> {
    return this.sms.signIn(body.mobile, body.code, String(request.id));
  }

  @Public()
  @WithoutRequestTransaction()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown, expired or revoked.' })
  @ApiForbiddenResponse({ description: 'The account is disabled.' })
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @WithoutRequestTransaction()
  @ApiOperation({ summary: 'Sign out (revoke a refresh token)' })
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Public()
  @WithoutRequestTransaction()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Accept an invitation and set a password' })
  @Post('accept-invitation')
  @HttpCode(HttpStatus.OK)
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<TokenPairDto> {
    return this.auth.acceptInvitation(body.token, body.password);
  }

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'Change the own password' })
  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @ApiBearerAuth()
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user' })
  @Get('me')
  whoAmI(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.me.describe(actor);
  }
}
