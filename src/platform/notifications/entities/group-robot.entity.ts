import { Check, Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../database/references';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity';
import { notificationTypeCheck, type NotificationType } from '../notification-registry';
import { RobotKind } from '../notification-types';

/**
 * A WeCom or DingTalk group robot of an alliance or a department. Its webhook URL and signing
 * secret are stored encrypted and never returned by the API.
 */
@Entity('group_robots')
@Check('ck_group_robots__types', notificationTypeCheck('types'))
@Index('ix_group_robots__scope', ['tenantId', 'allianceId', 'organizationId'])
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('organizations', 'organizationId')
export class GroupRobot extends TenantOwnedEntity {
  @Column({ type: 'enum', enum: RobotKind, enumName: 'robot_kind' })
  kind: RobotKind;

  @Column({ length: 100 })
  name: string;

  @Column('uuid', { nullable: true })
  allianceId: string | null;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column('text')
  webhookUrlEncrypted: string;

  @Column({ type: 'text', nullable: true })
  secretEncrypted: string | null;

  /** Text with a check constraint (not an enum type): a feature's new type only changes the constraint. */
  @Column('text', { array: true })
  types: NotificationType[];

  @Column({ default: true })
  enabled: boolean;
}
