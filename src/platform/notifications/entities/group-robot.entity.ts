import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../database/references';
import { TenantOwnedEntity } from '../../database/tenant-owned.entity';
import { NotificationType, RobotKind } from '../notification-types';

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

  @Column({ type: 'enum', enum: NotificationType, enumName: 'notification_type', array: true })
  types: NotificationType[];

  @Column({ default: true })
  enabled: boolean;
}
