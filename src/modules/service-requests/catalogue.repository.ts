import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingDayOverride } from '../../platform/calendar/working-day-override.entity';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { CalendarDayDto } from './dto/catalogue.dto';
import { AllianceRoutingSettings } from './entities/alliance-routing-settings.entity';
import { RoutingRule } from './entities/routing-rule.entity';
import { ServiceCategory } from './entities/service-category.entity';

/** The alliance's service categories and routing rules, and the township's working calendar. */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** In the catalogue's order (the order of the codes). */
  categories(allianceId: string, page: PageQueryDto): Promise<Page<ServiceCategory>> {
    const qb = this.manager
      .getRepository(ServiceCategory)
      .createQueryBuilder('c')
      .where('c.alliance_id = :allianceId', { allianceId });
    return keysetPage(qb, { column: 'c.code', kind: 'text', idColumn: 'c.id', direction: 'ASC' }, page);
  }

  findCategory(allianceId: string, id: string): Promise<ServiceCategory | null> {
    return this.manager.getRepository(ServiceCategory).findOneBy({ id, allianceId });
  }

  saveCategory(category: Partial<ServiceCategory>): Promise<ServiceCategory> {
    return this.manager.getRepository(ServiceCategory).save(category);
  }

  /** In the order routing tries them: by priority, then the older first. */
  rules(allianceId: string, page: PageQueryDto): Promise<Page<RoutingRule>> {
    const qb = this.manager
      .getRepository(RoutingRule)
      .createQueryBuilder('r')
      .where('r.alliance_id = :allianceId', { allianceId });
    return keysetPage(
      qb,
      {
        column: 'r.priority',
        kind: 'number',
        then: [{ column: 'r.created_at', kind: 'timestamp' }],
        idColumn: 'r.id',
        direction: 'ASC',
      },
      page,
    );
  }

  findRule(allianceId: string, id: string): Promise<RoutingRule | null> {
    return this.manager.getRepository(RoutingRule).findOneBy({ id, allianceId });
  }

  saveRule(rule: Partial<RoutingRule>): Promise<RoutingRule> {
    return this.manager.getRepository(RoutingRule).save(rule);
  }

  /** False when there was no such rule. */
  async removeRule(allianceId: string, id: string): Promise<boolean> {
    const result = await this.manager.getRepository(RoutingRule).delete({ id, allianceId });
    return !!result.affected;
  }

  /** The township's holidays and working weekend days, in date order; of one year when given. */
  calendarDays(year?: number): Promise<WorkingDayOverride[]> {
    const qb = this.manager.getRepository(WorkingDayOverride).createQueryBuilder('d').orderBy('d.date', 'ASC');
    if (year) qb.where('d.date >= :from AND d.date < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` });
    return qb.getMany();
  }

  async setDay(tenantId: string, input: CalendarDayDto): Promise<void> {
    await this.manager.query(
      `INSERT INTO working_day_overrides (tenant_id, date, kind, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
      [tenantId, input.date, input.kind, input.name ?? null],
    );
  }

  async removeDay(tenantId: string, date: string): Promise<void> {
    await this.manager.getRepository(WorkingDayOverride).delete({ tenantId, date });
  }

  /** The alliance's routing settings; null when it never changed the defaults. */
  async routingSettings(allianceId: string): Promise<AllianceRoutingSettings | null> {
    return this.manager.getRepository(AllianceRoutingSettings).findOneBy({ allianceId });
  }

  async saveRoutingSettings(tenantId: string, allianceId: string, routeByHistory: boolean): Promise<void> {
    await this.manager.query(
      `INSERT INTO alliance_routing_settings (tenant_id, alliance_id, route_by_history) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, alliance_id) DO UPDATE SET route_by_history = excluded.route_by_history, updated_at = now()`,
      [tenantId, allianceId, routeByHistory],
    );
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [allianceId]);
    return rows.length > 0;
  }
}
