import { existsSync } from 'node:fs';
import type { LedgerContents } from '../ledger-contents';
import { ledgerPdf } from './ledger-pdf';
import { ledgerTables } from './ledger-tables';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const totals = {
  submitted: 0,
  resolved: 0,
  open: 0,
  responseRate: null,
  onTimeRate: null,
  averageAcceptHours: null,
  averageResolveHours: null,
  satisfaction: null,
  ratings: 0,
};

// Only what the PDF reads of the dashboard's view; a roster long enough to run over several pages.
const contents = {
  alliance: { id: 'a', name: '测试联盟' },
  period: { from: '2026-01-01', to: '2027-01-01' },
  dashboard: {
    members: { total: 0, byRole: [], byChainPosition: [], partyMembers: 0, joinedInPeriod: 0 },
    meetings: { held: 1, upcoming: 0, attendanceRate: null, monthly: [] },
    actionItems: { open: 0, done: 0, overdue: 0 },
  },
  statistics: { from: '2026-01-01', to: '2027-01-01', totals, byDepartment: [], byCategory: [], monthly: [] },
  roster: Array.from({ length: 120 }, (_, i) => ({
    role: 'member',
    name: `第${i + 1}成员单位有限公司`,
    chainPosition: null,
    joinedOn: '2025-01-01',
    party: { type: 'branch', name: `第${i + 1}党支部`, secretary: '张三', memberCount: 5 },
  })),
  meetings: [
    {
      id: 'm',
      title: '联席会议',
      startsAt: new Date('2026-03-01T01:00:00Z'),
      place: '镇政府',
      chair: '林镇长',
      attendance: [],
      topics: [],
      minutes: '第一段\n第二段',
    },
  ],
  actionItems: [],
  requests: { escalated: [], resolved: [] },
  thinkTank: { reports: [], carriedOut: [] },
  venues: [],
  studyVisits: [],
  pairingVisits: [],
  typicalCases: [],
  indicators: [],
} as unknown as LedgerContents;

const fontThere = existsSync(FONT);

(fontThere ? describe : describe.skip)('ledgerPdf', () => {
  it('comes out byte for byte the same for the same contents, dated by the period', async () => {
    const at = new Date('2026-12-31T16:00:00Z');
    const build = async () =>
      ledgerPdf(contents, ledgerTables(contents, 'zh-CN'), 'zh-CN', at, FONT, 'NotoSansCJKsc-Regular');
    const first = await build();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(await build(), first)).toBe(0);
    const text = first.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('(D:20261231160000Z)');
    // Cover, one contents page, ten chapters each from a new page, the roster over more than one.
    const pages = text.match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(12);
  });
});
