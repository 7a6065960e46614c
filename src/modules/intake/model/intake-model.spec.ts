import { loadSegmenter } from '../text/segmenter';
import {
  IntakeModel,
  type IntakeModelData,
  isHeldOut,
  threshold,
  trainIntakeModel,
  type TrainingExample,
} from './intake-model';

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

describe('the intake model', () => {
  it('splits by the id alone, about a fifth held out', () => {
    const ids = history(1000).map((e) => e.id);
    expect(ids.map(isHeldOut)).toEqual(ids.map(isHeldOut));
    const held = ids.filter(isHeldOut).length;
    expect(held).toBeGreaterThan(150);
    expect(held).toBeLessThan(250);
  });

  it('learns a separable history, beats the most frequent class, and suggests from the stored data', async () => {
    const cut = await loadSegmenter();
    const { data, evaluation } = await trainIntakeModel(history(300), [], cut);
    expect(evaluation.trained + evaluation.heldOut).toBe(300);
    expect(evaluation.category.top1).toBeGreaterThan(0.95);
    expect(evaluation.department.top1).toBeGreaterThan(evaluation.department.baselineTop1);
    expect(evaluation.category.baselineTop3).toBeCloseTo(1, 5);
    const model = new IntakeModel(JSON.parse(JSON.stringify(data)) as IntakeModelData, cut);
    const ranked = model.rank('department', model.features('环评', '排污许可证怎么办'));
    expect(ranked[0].label).toBe('safety');
    expect(ranked[0].probability).toBeGreaterThanOrEqual(data.thresholds.department);
  });

  it('picks the lowest threshold whose answers above it were right nine times in ten', () => {
    const tops = [
      ...Array.from({ length: 20 }, () => ({ p: 0.9, right: true })),
      ...Array.from({ length: 20 }, () => ({ p: 0.5, right: false })),
    ];
    expect(threshold(tops)).toBe(0.55);
    expect(threshold(tops.slice(0, 5))).toBe(0.8);
    expect(threshold(Array.from({ length: 30 }, () => ({ p: 0.99, right: false })))).toBe(1);
  });
});
