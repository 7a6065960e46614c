import { Injectable } from '@nestjs/common';
import { DomainException } from '../../platform/errors/domain.exception';
import { decodeCursorParts } from '../../platform/pagination/keyset';
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
  RoutingSettingsDto,
  RoutingSettingsView,
  UpdateCategoryDto,
  UpdateRoutingRuleDto,
} from './dto/catalogue.dto';
import type { RoutingRule } from './entities/routing-rule.entity';
import type { ServiceCategory } from './entities/service-category.entity';
import { CategoryCode } from './entities/service-request-status';
import { CalendarService } from '../../platform/calendar/calendar.service';
import { CatalogueRepository } from './catalogue.repository';
import { categoryKey } from './service-requests.repository';
import { OrganizationDirectory } from '../organizations/organization-directory.service';

const CATEGORY_CODES = Object.values(CategoryCode);

/** The alliance's service catalogue, its routing rules, and the township's working calendar. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly tenant: TenantContext,
    private readonly calendars: CalendarService,
    private readonly catalogue: CatalogueRepository,
  ) {}

  /** In the catalogue's order (the order of the codes), a page at a time. */
  async categories(allianceId: string, page: PageQueryDto): Promise<Page<CategoryView>> {
    await this.requireAlliance(allianceId);
    // The cursor's code meets the enum in SQL: one that is not a code is the cursor's fault.
    if (page.cursor && !CATEGORY_CODES.includes(decodeCursorParts(page.cursor, ['text', 'uuid'])[0] as CategoryCode)) {
      throw DomainException.invalid([{ field: 'cursor', reason: 'matches' }]);
    }
    const { items, nextCursor } = await this.catalogue.categories(allianceId, page);
    const names = await this.organizationNames(items.map((r) => r.providerOrganizationId));
    return { items: items.map((c) => toCategoryView(c, names)), nextCursor };
  }

  async createCategory(allianceId: string, input: CreateCategoryDto): Promise<CategoryView> {
    await this.requireAlliance(allianceId);
    await this.requireOrganization(input.providerOrganizationId, 'providerOrganizationId');
    const saved = await this.catalogue.saveCategory({
      ...input,
      tenantId: this.tenant.tenantId,
      allianceId,
      active: input.active ?? true,
    });
    return toCategoryView(saved, await this.organizationNames([saved.providerOrganizationId]));
  }

  async updateCategory(allianceId: string, id: string, input: UpdateCategoryDto): Promise<CategoryView> {
    const category = await this.catalogue.findCategory(allianceId, id);
    if (!category) throw DomainException.notFound();
    if (input.providerOrganizationId)
      await this.requireOrganization(input.providerOrganizationId, 'providerOrganizationId');
    const saved = await this.catalogue.saveCategory({ ...category, ...input });
    this.tenant.forget(categoryKey(id));
    return toCategoryView(saved, await this.organizationNames([saved.providerOrganizationId]));
  }

  /** In the order routing tries them: by priority, then the older first. */
  async rules(allianceId: string, page: PageQueryDto): Promise<Page<RoutingRuleView>> {
    await this.requireAlliance(allianceId);
    const { items, nextCursor } = await this.catalogue.rules(allianceId, page);
    const names = await this.organizationNames(items.map((r) => r.targetOrganizationId));
    return { items: items.map((r) => toRuleView(r, names)), nextCursor };
  }

  async createRule(allianceId: string, input: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    await this.requireAlliance(allianceId);
    await this.requireOrganization(input.targetOrganizationId, 'targetOrganizationId');
    if (input.categoryId && !(await this.catalogue.findCategory(allianceId, input.categoryId))) {
      throw DomainException.invalid([{ field: 'categoryId', reason: 'notFound' }]);
    }
    const saved = await this.catalogue.saveRule({
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
    const rule = await this.catalogue.findRule(allianceId, id);
    if (!rule) throw DomainException.notFound();
    if (input.targetOrganizationId) await this.requireOrganization(input.targetOrganizationId, 'targetOrganizationId');
    const saved = await this.catalogue.saveRule({ ...rule, ...input, keywords: input.keywords ?? rule.keywords });
    return toRuleView(saved, await this.organizationNames([saved.targetOrganizationId]));
  }

  async removeRule(allianceId: string, id: string): Promise<void> {
    if (!(await this.catalogue.removeRule(allianceId, id))) throw DomainException.notFound();
  }

  /** 按历史分派 and whatever else routes besides the rules; the defaults until an official changes them. */
  async routingSettings(allianceId: string): Promise<RoutingSettingsView> {
    await this.requireAlliance(allianceId);
    const settings = await this.catalogue.routingSettings(allianceId);
    return { routeByHistory: settings?.routeByHistory ?? true };
  }

  async setRoutingSettings(allianceId: string, input: RoutingSettingsDto): Promise<RoutingSettingsView> {
    await this.requireAlliance(allianceId);
    await this.catalogue.saveRoutingSettings(this.tenant.tenantId, allianceId, input.routeByHistory);
    return this.routingSettings(allianceId);
  }

  async calendar(year?: number): Promise<CalendarView> {
    const calendar = await this.calendars.forTenant();
    const days = await this.catalogue.calendarDays(year);
    return {
      timeZone: calendar.timeZone,
      workingHours: ['09:00-12:00', '13:30-17:30'],
      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    };
  }

  async setDay(input: CalendarDayDto): Promise<CalendarView> {
    await this.catalogue.setDay(this.tenant.tenantId, input);
    this.tenant.forget(townshipSettingsKey(this.tenant.tenantId));
    return this.calendar(Number(input.date.slice(0, 4)));
  }

  async removeDay(date: string): Promise<void> {
    await this.catalogue.removeDay(this.tenant.tenantId, date);
    this.tenant.forget(townshipSettingsKey(this.tenant.tenantId));
  }

  private async requireAlliance(id: string): Promise<void> {
    if (!(await this.catalogue.allianceExists(id))) throw DomainException.notFound();
  }

  private async requireOrganization(id: string, field: string): Promise<void> {
    if (!(await this.organizationDirectory.exists(id))) throw DomainException.invalid([{ field, reason: 'notFound' }]);
  }

  private organizationNames(ids: string[]): Promise<Map<string, string>> {
    return this.organizationDirectory.names(ids);
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
