import JSZip from 'jszip';
import type { LedgerContents } from '../ledger-contents';
import { fixedZip } from './fixed-zip';
import { ledgerDocument, renumberBookmarks } from './ledger-document';
import { ledgerTables } from './ledger-tables';

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

// Only what the document reads of the dashboard's view.
const contents = {
  alliance: { id: 'a', name: '测试联盟' },
  period: { from: '2026-01-01', to: '2027-01-01' },
  dashboard: {
    members: { total: 0, byRole: [], byChainPosition: [], partyMembers: 0, joinedInPeriod: 0 },
    meetings: { held: 1, upcoming: 0, attendanceRate: null, monthly: [] },
    actionItems: { open: 0, done: 0, overdue: 0 },
  },
  statistics: { from: '2026-01-01', to: '2027-01-01', totals, byDepartment: [], byCategory: [], monthly: [] },
  roster: [],
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

describe('ledgerDocument', () => {
  it('comes out byte for byte the same for the same contents, dated by the period', async () => {
    const at = new Date('2026-12-31T16:00:00Z');
    const build = async () =>
      fixedZip(await ledgerDocument(contents, ledgerTables(contents, 'zh-CN'), 'zh-CN'), at, renumberBookmarks);
    const first = await build();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(await build(), first)).toBe(0);
    const core = await (await JSZip.loadAsync(first)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('>2026-12-31T16:00:00Z</dcterms:created>');
    expect(core).toContain('>2026-12-31T16:00:00Z</dcterms:modified>');
  });
});
