import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../pagination/page.dto';
import type { NotificationType } from '../notification-registry';
import { DeliveryChannel, DeliveryStatus, RobotKind } from '../notification-types';
import { IsNotificationType, NotificationTypeProperty } from './notification-type-property';

export class ListNotificationsQuery extends PageQueryDto {
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  unread?: boolean;

  @NotificationTypeProperty({ required: false })
  @IsOptional()
  @IsNotificationType()
  type?: NotificationType;
}

export class NotificationView {
  id: string;
  @NotificationTypeProperty()
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export class NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

export class UnreadCountView {
  unreadCount: number;
}

export class StreamTicketView {
  /** Single use, valid for a minute: `GET /notifications/stream?ticket=…` (EventSource sends no headers). */
  ticket: string;
}

export class TypePreferenceDto {
  @NotificationTypeProperty()
  @IsNotificationType()
  type: NotificationType;

  @IsBoolean()
  inApp: boolean;

  @IsBoolean()
  email: boolean;

  /** Absent: unchanged (off for a type never chosen). */
  @IsOptional()
  @IsBoolean()
  sms?: boolean;
}

export class PreferencesDto {
  @IsOptional()
  @IsBoolean()
  emailDigest?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TypePreferenceDto)
  types?: TypePreferenceDto[];
}

export class TypePreferenceView {
  @NotificationTypeProperty()
  type: NotificationType;
  inApp: boolean;
  email: boolean;
  sms: boolean;
}

export class PreferencesView {
  emailDigest: boolean;
  types: TypePreferenceView[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class UpdateNotificationSettingsDto {
  @IsOptional()
  @Matches(HHMM, { context: { reason: 'isTime' } })
  quietStart?: string;

  @IsOptional()
  @Matches(HHMM, { context: { reason: 'isTime' } })
  quietEnd?: string;

  @IsOptional()
  @IsBoolean()
  quietWeekends?: boolean;

  /** Empty to use the platform's mail server. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  smtpHost?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort?: number | null;

  @IsOptional()
  @IsBoolean()
  smtpSecure?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  smtpUsername?: string | null;

  /** Write-only: stored encrypted, never returned. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  smtpPassword?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  mailFrom?: string | null;

  /** Alibaba Cloud SMS's API address; empty for the public one (https://dysmsapi.aliyuncs.com/). */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(255)
  smsEndpoint?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  smsAccessKeyId?: string | null;

  /** Write-only: stored encrypted, never returned; empty removes it. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  smsAccessKeySecret?: string;

  /** The approved SMS signature (签名). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  smsSignName?: string | null;

  /** Event type → approved template code (e.g. SMS_123456789); replaces the whole mapping. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'meeting.invited': 'SMS_123456789' },
  })
  @IsOptional()
  @IsObject()
  smsTemplates?: Partial<Record<NotificationType, string>>;

  /** The approved template of the sign-in code message (验证码, one variable: `code`); empty: no codes are sent. */
  @IsOptional()
  @IsString()
  @Matches(/^([A-Za-z0-9_]{1,50})?$/, { context: { reason: 'matches' } })
  smsVerificationTemplate?: string | null;
}

export class NotificationSettingsView {
  quietStart: string;
  quietEnd: string;
  quietWeekends: boolean;
  timeZone: string;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUsername: string | null;
  hasSmtpPassword: boolean;
  mailFrom: string | null;
  smsEndpoint: string | null;
  smsAccessKeyId: string | null;
  hasSmsAccessKeySecret: boolean;
  smsSignName: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Event type → template code' })
  smsTemplates: Partial<Record<NotificationType, string>>;
  smsVerificationTemplate: string | null;
}

export class CreateRobotDto {
  @IsEnum(RobotKind)
  kind: RobotKind;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** Write-only: stored encrypted, never returned. */
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(1000)
  webhookUrl: string;

  /** DingTalk's 加签 secret; write-only. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @IsArray()
  @ArrayMaxSize(50)
  @NotificationTypeProperty({ isArray: true })
  @IsNotificationType({ each: true })
  types: NotificationType[];
}

export class UpdateRobotDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(1000)
  webhookUrl?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @NotificationTypeProperty({ isArray: true, required: false })
  @IsOptional()
  @IsArray()
  @IsNotificationType({ each: true })
  types?: NotificationType[];

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RobotView {
  id: string;
  kind: RobotKind;
  name: string;
  allianceId: string | null;
  organizationId: string | null;
  /** Only the host of the webhook, e.g. qyapi.weixin.qq.com; the URL itself is a secret. */
  webhookHost: string;
  hasSecret: boolean;
  @NotificationTypeProperty({ isArray: true })
  types: NotificationType[];
  enabled: boolean;
  createdAt: Date;
}

export class RobotList {
  items: RobotView[];
  nextCursor: string | null;
}

export class ListDeliveriesQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;
}

export class DeliveryView {
  id: string;
  /** Null for a notification of the platform's own (to platform admins). */
  tenantId: string | null;
  @NotificationTypeProperty()
  eventType: NotificationType;
  channel: DeliveryChannel;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  notBefore: Date;
  sentAt: Date | null;
  createdAt: Date;
}

export class DeliveryPage {
  items: DeliveryView[];
  nextCursor: string | null;
}
