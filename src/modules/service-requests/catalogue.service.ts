import { Injectable } from '@nestjs/common';
import { DomainException } from '../../platform/errors/domain.exception';
import { decodeCursorParts, keysetPage } from '../../platform/pagination/keyset';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { townshipSettingsKey } from '../../platform/tenancy/township-settings';
import type {
  CalendarDayDto,
  CalendarView,
  CategoryView,
  CreateCategoryDto,
  CreateRoutingRuleDto,
  RoutingRuleView,
  UpdateCategoryDto,
  UpdateRoutingRuleDto,
} from './dto/catalogue.dto';
import { RoutingRule } from './entities/routing-rule.entity';
import { ServiceCategory } from './entities/service-category.entity';
import { CategoryCode } from './entities/service-request-status';
import { WorkingDayOverride } from '../../platform/calendar/working-day-override.entity';
import { CalendarService } from '../../platform/calendar/calendar.service';
import { categoryKey } from './service-requests.repository';

const CATEGORY_CODES = Object.values(CategoryCode);

/** The alliance's service catalogue, its routing rules, and the township's working calendar. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly calendars: CalendarService,
  ) {}

  private get manager() {
    return this.tenant.manager;
  }

  /** In the catalogue's order (the order of the codes), a page at a time. */
  async categories(allianceId: string, page: PageQueryDto): Promise<Page<CategoryView>> {
    await this.requireAlliance(allianceId);
    // The cursor's code meets the enum in SQL: one that is not a code is the cursor's fault.
    if (page.cursor && !CATEGORY_CODES.includes(decodeCursorParts(page.cursor, ['text', 'uuid'])[0] as CategoryCode)) {
      throw DomainException.invalid([{ field: 'cursor', reason: 'matches' }]);
    }
    const qb = this.manager
      .getRepository(ServiceCategory)
      .createQueryBuilder('c')
      .where('c.alliance_id = :allianceId', { allianceId });
    const { items, nextCursor } = await keysetPage(
      qb,
      { column: 'c.code', kind: 'text', idColumn: 'c.id', direction: 'ASC' },
      page,
    );
    const names = await this.organizationNames(items.map((r) => r.providerOrganizationId));
    return { items: items.map((c) => toCategoryView(c, names)), nextCursor };
  }

  async createCategory(allianceId: string, input: CreateCategoryDto): Promise<CategoryView> {
    await this.requireAlliance(allianceId);
    await this.requireOrganization(input.providerOrganizationId, 'providerOrganizationId');
    const saved = await this.manager
      .getRepository(ServiceCategory)
      .save({ ...input, tenantId: this.tenant.tenantId, allianceId, active: input.active ?? true });
    return toCategoryView(saved, await this.organizationNames([saved.providerOrganizationId]));
  }

  async updateCategory(allianceId: string, id: string, input: UpdateCategoryDto): Promise<CategoryView> {
    const category = await this.manager.getRepository(ServiceCategory).findOneBy({ id, allianceId });
    if (!category) throw DomainException.notFound();
    if (input.providerOrganizationId)
      await this.requireOrganization(input.providerOrganizationId, 'providerOrganizationId');
    const saved = await this.manager.getRepository(ServiceCategory).save({ ...category, ...input });
    this.tenant.forget(categoryKey(id));
    return toCategoryView(saved, await this.organizationNames([saved.providerOrganizationId]));
  }

  /** In the order routing tries them: by priority, then the older first. */
  async rules(allianceId: string, page: PageQueryDto): Promise<Page<RoutingRuleView>> {
    await this.requireAlliance(allianceId);
    const qb = this.manager
      .getRepository(RoutingRule)
      .createQueryBuilder('r')
      .where('r.alliance_id = :allianceId', { allianceId });
    const { items, nextCursor } = await keysetPage(
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
    const names = await this.organizationNames(items.map((r) => r.targetOrganizationId));
    return { items: items.map((r) => toRuleView(r, names)), nextCursor };
  }

  async createRule(allianceId: string, input: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    await this.requireAlliance(allianceId);
    await this.requireOrganization(input.targetOrganizationId, 'targetOrganizationId');
    if (
      input.categoryId &&
      !(await this.manager.getRepository(ServiceCategory).findOneBy({ id: input.categoryId, allianceId }))
    ) {
      throw DomainException.invalid([{ field: 'categoryId', reason: 'notFound' }]);
    }
    const saved = await this.manager.getRepository(RoutingRule).save({
      tenantId: this.tenant.tenantId,
      allianceId,
      priority: input.priority,
      categoryId: input.categoryId ?? null,
      keywords: (input.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      targetOrganizationId: input.targetOrganizationId,
      active: input.active ?? true,
    });
    return toRuleView(saved, await this.organizationNames([saved.targetOrganizationId]));
  }

  async updateRule(allianceId: string, id: string, input: UpdateRoutingRuleDto): Promise<RoutingRuleView> {
    const rule = await this.manager.getRepository(RoutingRule).findOneBy({ id, allianceId });
    if (!rule) throw DomainException.notFound();
    if (input.targetOrganizationId) await this.requireOrganization(input.targetOrganizationId, 'targetOrganizationId');
    const saved = await this.manager
      .getRepository(RoutingRule)
      .save({ ...rule, ...input, keywords: input.keywords ?? rule.keywords });
    return toRuleView(saved, await this.organizationNames([saved.targetOrganizationId]));
  }

  async removeRule(allianceId: string, id: string): Promise<void> {
    const result = await this.manager.getRepository(RoutingRule).delete({ id, allianceId });
    if (!result.affected) throw DomainException.notFound();
  }

  async calendar(year?: number): Promise<CalendarView> {
    const calendar = await this.calendars.forTenant();
    const qb = this.manager.getRepository(WorkingDayOverride).createQueryBuilder('d').orderBy('d.date', 'ASC');
    if (year) qb.where('d.date >= :from AND d.date < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` });
    const days = await qb.getMany();
    return {
      timeZone: calendar.timeZone,
      workingHours: ['09:00-12:00', '13:30-17:30'],
      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    };
  }

  async setDay(input: CalendarDayDto): Promise<CalendarView> {
    await this.manager.query(
      `INSERT INTO working_day_overrides (tenant_id, date, kind, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
      [this.tenant.tenantId, input.date, input.kind, input.name ?? null],
    );
    this.tenant.forget(townshipSettingsKey(this.tenant.tenantId));
    return this.calendar(Number(input.date.slice(0, 4)));
  }

  async removeDay(date: string): Promise<void> {
    await this.manager.getRepository(WorkingDayOverride).delete({ tenantId: this.tenant.tenantId, date });
    this.tenant.forget(townshipSettingsKey(this.tenant.tenantId));
  }

  private async requireAlliance(id: string): Promise<void> {
    if ((await this.manager.query('SELECT 1 FROM alliance_directory WHERE id = $1', [id])).length === 0)
      throw DomainException.notFound();
  }

  private async requireOrganization(id: string, field: string): Promise<void> {
    if ((await this.manager.query('SELECT 1 FROM organization_directory WHERE id = $1', [id])).length === 0)
      throw DomainException.invalid([{ field, reason: 'notFound' }]);
  }

  private async organizationNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM organization_directory WHERE id = ANY($1)',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function toCategoryView(c: ServiceCategory, names: Map<string, string>): CategoryView {
  return {
    id: c.id,
    allianceId: c.allianceId,
    code: c.code,
    name: c.name,
    description: c.description,
    providerOrganization: { id: c.providerOrganizationId, name: names.get(c.providerOrganizationId) ?? '' },
    acceptWithin: c.acceptWithin,
    acceptUnit: c.acceptUnit,
    resolveWithin: c.resolveWithin,
    resolveUnit: c.resolveUnit,
    active: c.active,
  };
}

function toRuleView(r: RoutingRule, names: Map<string, string>): RoutingRuleView {
  return {
    id: r.id,
    priority: r.priority,
    categoryId: r.categoryId,
    keywords: r.keywords,
    targetOrganization: { id: r.targetOrganizationId, name: names.get(r.targetOrganizationId) ?? '' },
    active: r.active,
  };
}
