import { Injectable } from '@nestjs/common';
import { gunzipSync } from 'node:zlib';
import { Clock } from '../../platform/clock/clock';
import { IntakeModel } from './model/intake-model';
import { loadSegmenter } from './text/segmenter';
import { IntakeRepository } from './intake.repository';
import type { StoredIntakeModel } from './jobs/train-model.handler';

/** How long `recent` trusts what it last found for a township before asking for the newest model's id again. */
export const MODEL_RECHECK_MS = 5_000;

export interface CachedModel {
  id: string;
  trainedAt: Date;
  model: IntakeModel;
  departmentNames: Record<string, string>;
}

/**
 * Each township's newest model in this API process, keyed by the township: every suggestion asks
 * the database only for the newest model's id (an index probe), and loads the model again when a
 * newer one was stored. A township's entry is only ever read for that township's requests.
 */
@Injectable()
export class IntakeModelCache {
  private readonly models = new Map<string, Promise<CachedModel>>();
  /** What `recent` last found per township (a model, or none yet) and when, by the Clock. */
  private readonly checked = new Map<string, { at: number; model: CachedModel | null }>();

  constructor(
    private readonly repository: IntakeRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * As `current`, but asks the database at most every MODEL_RECHECK_MS per township: the routing
   * job's way, which must add no round trip per request. A model trained meanwhile is used at most
   * that long after it was stored. Call within the township's transaction.
   */
  async recent(tenantId: string): Promise<CachedModel | null> {
    const now = this.clock.now().getTime();
    const last = this.checked.get(tenantId);
    if (last && now >= last.at && now - last.at < MODEL_RECHECK_MS) return last.model;
    const model = await this.current(tenantId);
    this.checked.set(tenantId, { at: now, model });
    return model;
  }

  /** The township's newest model; null when it has none yet. Call within the township's transaction. */
  async current(tenantId: string): Promise<CachedModel | null> {
    const newest = await this.repository.newestReady();
    if (!newest) return null;
    const cached = this.models.get(tenantId);
    if (cached) {
      const model = await cached.catch(() => null);
      if (model?.id === newest.id) return model;
    }
    const loading = this.load(newest.id, newest.trainedAt);
    this.models.set(tenantId, loading);
    loading.catch(() => this.models.delete(tenantId));
    return loading;
  }

  private async load(id: string, trainedAt: Date): Promise<CachedModel> {
    const [bytes, cut] = await Promise.all([this.repository.modelBytes(id), loadSegmenter()]);
    if (!bytes) throw new Error(`Intake model ${id} has no bytes`);
    const stored = JSON.parse(gunzipSync(bytes).toString('utf8')) as StoredIntakeModel;
    return { id, trainedAt, model: new IntakeModel(stored, cut), departmentNames: stored.departmentNames };
  }
}
