import { ruleMatches } from './router.service';

const request = {
  categoryId: 'c-finance',
  title: '申请技改贷款贴息',
  description: '企业计划购置数控设备，需要融资支持',
};

describe('ruleMatches', () => {
  it('matches on the category', () => {
    expect(ruleMatches({ categoryId: 'c-finance', keywords: [] }, request)).toBe(true);
    expect(ruleMatches({ categoryId: 'c-land', keywords: [] }, request)).toBe(false);
  });

  it('matches on any keyword in the title or description, ignoring case', () => {
    expect(ruleMatches({ categoryId: null, keywords: ['用地', '贷款'] }, request)).toBe(true);
    expect(ruleMatches({ categoryId: null, keywords: ['CNC', '数控'] }, request)).toBe(true);
    expect(ruleMatches({ categoryId: null, keywords: ['专利'] }, request)).toBe(false);
  });

  it('needs both when both are given, and something when nothing is', () => {
    expect(ruleMatches({ categoryId: 'c-land', keywords: ['贷款'] }, request)).toBe(false);
    expect(ruleMatches({ categoryId: null, keywords: [] }, request)).toBe(false);
  });
});
