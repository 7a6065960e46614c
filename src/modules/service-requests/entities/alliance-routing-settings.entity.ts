import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/**
 * How an alliance's requests are routed besides its rules. No row: the defaults (routing by
 * history on), so an alliance that never changed them needs none.
 */
@Entity('alliance_routing_settings')
@Index('uq_alliance_routing_settings__alliance', ['tenantId', 'allianceId'], { unique: true })
@SameTenantReference('alliances', 'allianceId')
export class AllianceRoutingSettings extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  /** 按历史分派: when no rule decides, the township's intake model may choose the department. */
  @Column({ default: true })
  routeByHistory: boolean;
}
