import { loadExcelJs } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import type { AllianceRegistry } from '../../alliances/alliances.service';

const LABELS = {
  'zh-CN': {
    current: '现有成员',
    history: '入盟与退盟记录',
    headers: [
      '联盟角色',
      '企业名称',
      '单位类型',
      '统一社会信用代码',
      '行业',
      '产业链位置',
      '产品标签',
      '地址',
      '联系人',
      '联系电话',
      '党组织类型',
      '党组织名称',
      '党组织书记',
      '党员人数',
      '党组织成立日期',
      '加入日期',
    ],
    historyHeaders: ['企业名称', '联盟角色', '加入日期', '退出日期', '退出原因'],
    role: { lead: '领头企业', department: '职能部门', member: '成员企业' },
    kind: { enterprise: '企业', department: '部门' },
    chain: { upstream: '上游', midstream: '中游', downstream: '下游' },
    party: { committee: '党委', general_branch: '党总支', branch: '党支部' },
  },
  en: {
    current: 'Members',
    history: 'Joining and leaving',
    headers: [
      'Role',
      'Name',
      'Kind',
      'Unified Code',
      'Industry',
      'Chain Position',
      'Product Tags',
      'Address',
      'Contact',
      'Contact Phone',
      'Party Organization Type',
      'Party Organization Name',
      'Party Secretary',
      'Party Members',
      'Party Founded On',
      'Joined On',
    ],
    historyHeaders: ['Name', 'Role', 'Joined On', 'Left On', 'Reason'],
    role: { lead: 'lead', department: 'department', member: 'member' },
    kind: { enterprise: 'enterprise', department: 'department' },
    chain: { upstream: 'upstream', midstream: 'midstream', downstream: 'downstream' },
    party: { committee: 'committee', general_branch: 'general branch', branch: 'branch' },
  },
} as const;

const ROLE_ORDER = { lead: 0, department: 1, member: 2 } as const;

/**
 * The alliance's registry as a workbook: current members (1, then X, then N) and the history of
 * joining and leaving. The import reads the first sheet back, so the two round-trip.
 */
export async function registryWorkbook(
  memberships: AllianceRegistry['memberships'],
  language: Language,
  onRow: (done: number) => Promise<void>,
): Promise<Buffer> {
  const l = LABELS[language];
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const current = workbook.addWorksheet(l.current);
  current.addRow([...l.headers]).font = { bold: true };
  const active = memberships.filter((m) => !m.leftOn).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  let done = 0;
  for (const m of active) {
    const o = m.organization!;
    const p = o.partyOrganization;
    const contact = o.contacts[0];
    current.addRow([
      l.role[m.role],
      o.name,
      l.kind[o.kind],
      o.unifiedCode ?? '',
      o.industry ?? '',
      o.chainPosition ? l.chain[o.chainPosition] : '',
      o.productTags.join('、'),
      o.address ?? '',
      contact?.name ?? '',
      contact?.phone ?? '',
      p ? l.party[p.type] : '',
      p?.name ?? '',
      p?.secretary ?? '',
      p?.memberCount ?? '',
      p?.foundedOn ?? '',
      m.joinedOn,
    ]);
    if (++done % 50 === 0) await onRow(done);
  }
  const history = workbook.addWorksheet(l.history);
  history.addRow([...l.historyHeaders]).font = { bold: true };
  for (const m of memberships) {
    history.addRow([m.organization!.name, l.role[m.role], m.joinedOn, m.leftOn ?? '', m.leaveReason ?? '']);
  }
  for (const sheet of [current, history]) sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
