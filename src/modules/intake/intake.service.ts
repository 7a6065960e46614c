import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { IntakeModelStatus } from './entities/intake-model-run.entity';
import {
  CategorySuggestion,
  IntakeModelStatusView,
  IntakeSuggestionsView,
  IntakeTrainingView,
  SuggestIntakeDto,
} from './dto/intake.dto';
import { IntakeModelCache } from './intake-model-cache.service';
import { IntakeRepository, IntakeRunSummary } from './intake.repository';
import { IntakeTrainingQueue } from './intake-training-queue.service';

const TOP = 3;

const round = (p: number) => Math.round(p * 1000) / 1000;

@Injectable()
export class IntakeService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: IntakeRepository,
    private readonly cache: IntakeModelCache,
    private readonly queue: IntakeTrainingQueue,
  ) {}

  /**
   * The township's model's top three categories and departments for a text being typed. Nothing to
   * go on (no model yet, no words left once punctuation and emoji are dropped) is an empty answer.
   */
  async suggest(input: SuggestIntakeDto): Promise<IntakeSuggestionsView> {
    const cached = await this.cache.current(this.tenant.tenantId);
    const empty: IntakeSuggestionsView = {
      modelTrainedAt: cached?.trainedAt.toISOString() ?? null,
      reasons: [],
      categories: { suggestions: [], preselect: null },
      departments: { suggestions: [], preselect: null },
    };
    if (!cached) return empty;
    const { model, departmentNames } = cached;
    const features = model.features(input.title ?? '', input.description ?? '');
    if (features.size === 0) return empty;

    let categories = model.rank('category', features);
    const catalogue = input.allianceId ? await this.repository.allianceCatalogue(input.allianceId) : null;
    const byCode = new Map(catalogue?.map((entry) => [entry.code, entry]));
    // An alliance's form offers its own categories only.
    if (catalogue) categories = categories.filter((c) => byCode.has(c.label));
    const categorySuggestions: CategorySuggestion[] = categories.slice(0, TOP).map((c) => ({
      code: c.label,
      categoryId: byCode.get(c.label)?.id ?? null,
      name: byCode.get(c.label)?.name ?? null,
      probability: round(c.probability),
    }));
    // Who asks: the enterprise itself, or the one an official or department files for.
    const actor = this.tenant.actor;
    const organizationId =
      actor.role === Role.EnterpriseContact ? actor.organizationId : (input.organizationId ?? null);
    const departments = model
      .rank('department', features, { organizationId, allianceId: input.allianceId ?? null })
      .slice(0, TOP);
    const { thresholds } = model.data;
    const confident = (list: { probability: number }[], threshold: number) =>
      list.length > 0 && list[0].probability >= threshold;
    return {
      modelTrainedAt: cached.trainedAt.toISOString(),
      reasons: categories.length
        ? model.category
            .reasons(features, categories[0].label, 6)
            .filter((f) => f.startsWith('w:'))
            .map((f) => f.slice(2))
            .slice(0, 3)
        : [],
      categories: {
        suggestions: categorySuggestions,
        preselect: confident(categories, thresholds.category) ? categories[0].label : null,
      },
      departments: {
        suggestions: departments.map((d) => ({
          organizationId: d.label,
          name: departmentNames[d.label] ?? null,
          probability: round(d.probability),
        })),
        preselect: confident(departments, thresholds.department) ? departments[0].label : null,
      },
    };
  }

  async status(): Promise<IntakeModelStatusView> {
    const [current, latest] = await Promise.all([
      this.repository.newestSummary(IntakeModelStatus.Ready),
      this.repository.newestSummary(),
    ]);
    return { current: current && view(current), latest: latest && view(latest) };
  }

  /** Queues a training now (or answers the one already queued or running). */
  async retrain(): Promise<IntakeTrainingView> {
    const id = await this.queue.request(this.tenant.actor.userId || null);
    const summary = await this.repository.summary(id);
    if (!summary) throw new Error(`Intake training ${id} vanished`);
    return view(summary);
  }
}

function view(run: IntakeRunSummary): IntakeTrainingView {
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    trainedAt: run.trainedAt?.toISOString() ?? null,
    sampleCount: run.sampleCount,
    accuracy: run.accuracy,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
  };
}
