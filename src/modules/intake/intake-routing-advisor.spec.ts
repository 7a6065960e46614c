import { Clock } from '../../platform/clock/clock';
import { type CachedModel, IntakeModelCache, MODEL_RECHECK_MS } from './intake-model-cache.service';
import { HISTORY_ROUTING_FLOOR, IntakeRoutingAdvisor } from './intake-routing-advisor.service';
import type { IntakeRepository } from './intake.repository';
import { IntakeModel, trainIntakeModel, type TrainingExample } from './model/intake-model';
import { loadSegmenter } from './text/segmenter';

const TOPICS = [
  { code: 'financing', dept: 'finance', words: ['贷款', '贴息', '融资担保', '银行授信'] },
  { code: 'land_construction', dept: 'land', words: ['用地', '厂房', '施工许可', '规划'] },
  { code: 'safety_environment', dept: 'safety', words: ['环评', '安全生产', '排污许可', '消防验收'] },
];

function history(n: number): TrainingExample[] {
  return Array.from({ length: n }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length];
    const a = topic.words[i % 4];
    const b = topic.words[(i >> 2) % 4];
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      title: `关于${a}的咨询`,
      description: `我司想了解${a}和${b}的办理流程，请尽快答复。`,
      categoryCode: topic.code,
      departmentId: topic.dept,
    };
  });
}

class FixedClock extends Clock {
  at = new Date('2026-12-01T02:00:00Z');
  now(): Date {
    return this.at;
  }
}

describe('routing by history (IntakeRoutingAdvisor)', () => {
  let cached: CachedModel;
  let cut: Awaited<ReturnType<typeof loadSegmenter>>;

  beforeAll(async () => {
    cut = await loadSegmenter();
    const { data } = await trainIntakeModel(history(300), [], cut);
    cached = {
      id: 'm1',
      trainedAt: new Date('2026-12-01T00:00:00Z'),
      model: new IntakeModel(data, cut),
      departmentNames: { safety: '应急管理办' },
    };
  });

  const advisorWith = (model: CachedModel | null) =>
    new IntakeRoutingAdvisor({ recent: () => Promise.resolve(model) } as unknown as IntakeModelCache);

  it('names the department with its confidence, confident only at or above max(threshold, floor)', async () => {
    const advice = await advisorWith(cached).department('t1', { title: '环评', description: '排污许可证怎么办' });
    expect(advice).toMatchObject({ organizationId: 'safety', name: '应急管理办', confident: true });
    expect(advice!.threshold).toBeGreaterThanOrEqual(HISTORY_ROUTING_FLOOR);
    expect(advice!.probability).toBeGreaterThanOrEqual(advice!.threshold - 0.01);

    const strictData = { ...cached.model.data, thresholds: { category: 1, department: 1 } };
    const strict = { ...cached, model: new IntakeModel(strictData, cut) };
    const unsure = await advisorWith(strict).department('t1', { title: '环评', description: '排污许可证怎么办' });
    expect(unsure).toMatchObject({ organizationId: 'safety', confident: false, threshold: 1 });
  });

  it('has nothing to say without a model or without words', async () => {
    expect(await advisorWith(null).department('t1', { title: '环评', description: '' })).toBeNull();
    expect(await advisorWith(cached).department('t1', { title: '😀', description: '！！' })).toBeNull();
  });
});

describe('IntakeModelCache.recent', () => {
  it('asks the database for the newest model at most every few seconds per township', async () => {
    const newestReady = jest.fn().mockResolvedValue(null);
    const clock = new FixedClock();
    const cache = new IntakeModelCache({ newestReady } as unknown as IntakeRepository, clock);
    for (let i = 0; i < 100; i++) await cache.recent('t1');
    expect(newestReady).toHaveBeenCalledTimes(1);
    await cache.recent('t2');
    expect(newestReady).toHaveBeenCalledTimes(2);
    clock.at = new Date(clock.at.getTime() + MODEL_RECHECK_MS);
    await cache.recent('t1');
    expect(newestReady).toHaveBeenCalledTimes(3);
  });
});
