import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../database/references';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity';
import type { NotificationType } from '../notification-registry';
import { RobotKind } from '../notification-types';

/**
 * A WeCom or DingTalk group robot of an alliance or a department. Its webhook URL and signing
 * secret are stored encrypted and never returned by the API.
 */
@Entity('group_robots')
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

  /**
   * Names in notification_types: no foreign key covers an array, so a trigger
   * (group_robots_types_registered) refuses a name the table lacks, as fk_group_robots__types.
   */
  @Column('text', { array: true })
  types: NotificationType[];

  @Column({ default: true })
  enabled: boolean;
}
