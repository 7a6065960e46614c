import type { Language } from '../../../platform/errors/localized-messages';
import type { RateFigures } from '../../service-requests/dto/statistics.dto';
import type { LedgerContents } from '../ledger-contents';
import { beijing, lastDay, ledgerLabels, percent, plain } from './ledger-labels';

/** A table of a ledger, the same in the .docx and the .xlsx. */
export interface LedgerTable {
  headers: string[];
  rows: string[][];
}

const rates = (f: RateFigures) => [
  String(f.submitted),
  String(f.resolved),
  percent(f.responseRate),
  percent(f.onTimeRate),
  plain(f.satisfaction),
];

/** Every table of the ledger, built once from its contents, so that the two formats cannot disagree. */
export function ledgerTables(c: LedgerContents, language: Language) {
  const L = ledgerLabels(language);
  const d = c.dashboard;
  const label = (map: Record<string, string>, key: string | null) => (key === null ? '—' : (map[key] ?? key));
  const rateHeaders = [L.submitted, L.resolved, L.responseRate, L.onTimeRate, L.satisfaction];
  const summary: LedgerTable = {
    headers: [L.figure, L.value],
    rows: [
      [L.alliance, c.alliance.name],
      [L.from, c.period.from],
      [L.to, lastDay(c.period.to)],
      [L.memberTotal, String(d.members.total)],
      [L.partyMembers, String(d.members.partyMembers)],
      [L.joined, String(d.members.joinedInPeriod)],
      [L.meetingsHeld, String(d.meetings.held)],
      [L.attendanceRate, percent(d.meetings.attendanceRate)],
      [L.requestsSubmitted, String(c.statistics.totals.submitted)],
      [L.requestsResolved, String(c.statistics.totals.resolved)],
      [L.responseRate, percent(c.statistics.totals.responseRate)],
      [L.onTimeRate, percent(c.statistics.totals.onTimeRate)],
      [L.satisfaction, plain(c.statistics.totals.satisfaction)],
      [L.itemsOpen, String(d.actionItems.open)],
      [L.itemsDone, String(d.actionItems.done)],
      [L.itemsOverdue, String(d.actionItems.overdue)],
    ],
  };
  const composition: LedgerTable = {
    headers: [L.role, L.value],
    rows: d.members.byRole.map((r) => [label(L.roles, r.key), String(r.count)]),
  };
  const roster: LedgerTable = {
    headers: [L.role, L.name, L.chain, L.joinedOn, L.partyOrg, L.partyType, L.secretary, L.partyCount],
    rows: c.roster.map((m) => [
      label(L.roles, m.role),
      m.name,
      label(L.chains, m.chainPosition),
      m.joinedOn,
      m.party?.name ?? '—',
      m.party ? label(L.partyTypes, m.party.type) : '—',
      m.party?.secretary ?? '—',
      m.party ? String(m.party.memberCount) : '—',
    ]),
  };
  const meetings: LedgerTable = {
    headers: [L.date, L.meeting, L.place, L.chair, L.attendance],
    rows: c.meetings.map((m) => [
      beijing(m.startsAt),
      m.title,
      m.place ?? '—',
      m.chair ?? '—',
      `${m.attendance.filter((a) => a.present).length}/${m.attendance.length}`,
    ]),
  };
  const attendance: LedgerTable = {
    headers: [L.date, L.meeting, L.organization, L.attendance],
    rows: c.meetings.flatMap((m) =>
      m.attendance.map((a) => [beijing(m.startsAt), m.title, a.organization, a.present ? L.present : L.absent]),
    ),
  };
  const actionItems: LedgerTable = {
    headers: [L.title2, L.owner, L.status, L.dueOn, L.progress],
    rows: c.actionItems.map((i) => [
      i.title,
      i.owner ?? '—',
      label(L.statuses, i.status),
      i.dueOn ?? '—',
      `${i.progress}%`,
    ]),
  };
  const byCategory: LedgerTable = {
    headers: [L.category, ...rateHeaders],
    rows: c.statistics.byCategory.map((r) => [r.name, ...rates(r)]),
  };
  const byDepartment: LedgerTable = {
    headers: ['#', L.department, ...rateHeaders],
    rows: c.statistics.byDepartment.map((r) => [String(r.rank), r.name, ...rates(r)]),
  };
  const requestRow = (r: LedgerContents['requests']['escalated'][number]) => [
    r.number,
    r.title,
    r.department ?? '—',
    label(L.statuses, r.status),
  ];
  const escalated: LedgerTable = {
    headers: [L.number, L.title2, L.department, L.status, L.escalation],
    rows: c.requests.escalated.map((r) => [...requestRow(r), String(r.escalationLevel)]),
  };
  const examples: LedgerTable = {
    headers: [L.number, L.title2, L.department, L.status, L.rating],
    rows: c.requests.resolved.map((r) => [...requestRow(r), plain(r.rating)]),
  };
  const overview: LedgerTable = {
    headers: [L.figure, ...rateHeaders],
    rows: [[c.alliance.name, ...rates(c.statistics.totals)]],
  };
  const reports: LedgerTable = {
    headers: [L.report, L.status, L.recommendations, L.recommendationsDone],
    rows: c.thinkTank.reports.map((r) => [
      r.title,
      label(L.reportStatuses, r.status),
      String(r.recommendations.total),
      String(r.recommendations.done),
    ]),
  };
  const carriedOut: LedgerTable = {
    headers: [L.report, L.title2, L.dueOn],
    rows: c.thinkTank.carriedOut.map((r) => [r.report, r.title, r.dueOn ?? '—']),
  };
  const venues: LedgerTable = {
    headers: [L.venue, L.bookings, L.attendees, L.hours],
    rows: c.venues.map((v) => [v.venue, String(v.bookings), String(v.attendees), String(v.hours)]),
  };
  const studyVisits: LedgerTable = {
    headers: [L.site, L.visits, L.groups, L.people],
    rows: c.studyVisits.map((v) => [v.site, String(v.visits), String(v.groups), String(v.people)]),
  };
  const pairing: LedgerTable = {
    headers: [L.date, L.organization, L.official, L.peopleMet, L.problems, L.request],
    rows: c.pairingVisits.map((v) => [
      v.day,
      v.organization,
      v.official,
      v.peopleMet,
      v.problems.map((p, i) => `${i + 1}. ${p.description}`).join('；') || '—',
      v.problems
        .filter((p) => p.requestNumber)
        .map((p) => `${p.requestNumber}（${label(L.statuses, p.requestStatus)}）`)
        .join('；') || '—',
    ]),
  };
  const typicalCases: LedgerTable = {
    headers: [L.title2, L.organization, L.status, L.summaryText],
    rows: c.typicalCases.map((t) => [t.title, t.organization, label(L.statuses, t.status), t.summary]),
  };
  const indicators: LedgerTable = {
    headers: [L.round, L.indicator, L.unit, L.reported, L.sum, L.avg, L.yoy],
    rows: c.indicators.flatMap((r) =>
      r.fields.map((f) => [
        r.period,
        f.label[language],
        f.unit,
        `${f.reported}/${r.expected}`,
        plain(f.sum),
        plain(f.avg),
        f.yoyPercent === null ? '—' : `${f.yoyPercent}%`,
      ]),
    ),
  };
  return {
    summary,
    composition,
    roster,
    meetings,
    attendance,
    actionItems,
    overview,
    byCategory,
    byDepartment,
    escalated,
    examples,
    reports,
    carriedOut,
    venues,
    studyVisits,
    pairing,
    typicalCases,
    indicators,
  };
}

export type LedgerTables = ReturnType<typeof ledgerTables>;
