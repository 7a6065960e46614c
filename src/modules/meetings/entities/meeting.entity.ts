import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { MAX_MEETING_HOURS } from '../exported-views';
import { MeetingStatus } from './meeting-status';

export enum PlaceKind {
  Room = 'room',
  Address = 'address',
  Online = 'online',
}

/** A joint meeting (联席会议): one occurrence, alone or of a series. */
@Entity('meetings')
@Index('ix_meetings__tenant_starts', ['tenantId', 'startsAt'])
@Index('ix_meetings__series', ['seriesId', 'startsAt'])
@Check('ck_meetings__time', '"ends_at" > "starts_at"')
// Lookups by time read `starts_at` from `from` minus the longest meeting (see MAX_MEETING_HOURS).
@Check('ck_meetings__length', `"ends_at" - "starts_at" <= interval '${MAX_MEETING_HOURS} hours'`)
@ReferencedInTenant('meetings')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('meeting_series', 'seriesId')
@SameTenantReference('venue_zones', 'zoneId')
@UserReference('chairId')
@UserReference('convenerId')
@UserReference('recorderId')
export class Meeting extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column('uuid', { nullable: true })
  seriesId: string | null;

  @Column({ length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column('uuid')
  convenerId: string;

  @Column('uuid')
  chairId: string;

  @Column('uuid', { nullable: true })
  recorderId: string | null;

  @Column({ type: 'enum', enum: PlaceKind, enumName: 'meeting_place_kind' })
  placeKind: PlaceKind;

  @Column('uuid', { nullable: true })
  zoneId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'enum', enum: MeetingStatus, enumName: 'meeting_status', default: MeetingStatus.Scheduled })
  status: MeetingStatus;

  /** An occurrence edited on its own no longer follows its series' later edits. */
  @Column({ default: false })
  detached: boolean;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /** The secret in the meeting's check-in QR code; only signed-in participants can use it. */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  checkInCode: string | null;
}
