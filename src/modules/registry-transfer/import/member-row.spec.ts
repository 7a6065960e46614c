import { AllianceRole } from '../../alliances/entities/alliance-role';
import { normalizeDate, parseMemberRow } from './member-row';

describe('parseMemberRow', () => {
  it('reads a complete Chinese row', () => {
    const result = parseMemberRow({
      name: '新华精密',
      unifiedCode: '91350582ma2xnh0101',
      chainPosition: '上游',
      productTags: '轴承、齿轮;传动',
      partyType: '党支部',
      partyMemberCount: '6',
      contactName: '张三',
      contactPhone: '13800000001',
      joinedOn: '2025年1月2日',
    });
    expect('row' in result && result.row).toMatchObject({
      role: AllianceRole.Member,
      joinedOn: '2025-01-02',
      organization: {
        name: '新华精密',
        unifiedCode: '91350582MA2XNH0101',
        chainPosition: 'upstream',
        productTags: ['轴承', '齿轮', '传动'],
        partyOrganization: { type: 'branch', memberCount: 6, name: '新华精密党支部' },
        contacts: [{ name: '张三', phone: '13800000001' }],
      },
    });
  });

  it('names every bad column of a row', () => {
    const result = parseMemberRow({
      name: '坏数据公司',
      unifiedCode: 'BADCODE',
      chainPosition: '左游',
      partyType: '党支部',
      partyMemberCount: 'abc',
      joinedOn: '2025/13/40',
    });
    expect('problems' in result && result.problems.map((p) => p.field).sort()).toEqual(
      ['chainPosition', 'joinedOn', 'partyMemberCount', 'unifiedCode'].sort(),
    );
  });

  it('requires a name and a party organisation type when party details are given', () => {
    const result = parseMemberRow({ partyName: '某党支部' });
    expect('problems' in result && result.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['name', 'partyType']),
    );
  });

  it('takes a department from the role column', () => {
    const result = parseMemberRow({ name: '安海镇财政所', role: '职能部门' });
    expect('row' in result && result.row.organization.kind).toBe('department');
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024-02-30', null],
    ['March 5', null],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});
