import type { Language } from '../../../platform/errors/localized-messages';
import type { LedgerContents } from '../ledger-contents';
import { beijing, ledgerLabels } from './ledger-labels';
import type { LedgerTable, LedgerTables } from './ledger-tables';

/** One block of a ledger's body, in reading order. */
export type LedgerBlock =
  | { kind: 'chapter'; text: string }
  | { kind: 'section'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; table: LedgerTable };

/**
 * The ledger's body as blocks: the ten chapters, each on a new page, with their sections, text and
 * tables, in the order of the .docx. The PDF lays these out; its tables are the .docx's and .xlsx's.
 */
export function ledgerOutline(c: LedgerContents, tables: LedgerTables, language: Language): LedgerBlock[] {
  const L = ledgerLabels(language);
  const chapter = (text: string): LedgerBlock => ({ kind: 'chapter', text });
  const section = (text: string): LedgerBlock => ({ kind: 'section', text });
  const text = (t: string): LedgerBlock => ({ kind: 'text', text: t });
  const table = (t: LedgerTable): LedgerBlock => (t.rows.length ? { kind: 'table', table: t } : text(L.none));

  const meetings = c.meetings.length
    ? c.meetings.flatMap((m, i) => [
        section(`（${i + 1}）${beijing(m.startsAt).slice(0, 10)} ${m.title}`),
        text(`${L.date}：${beijing(m.startsAt)}；${L.place}：${m.place ?? '—'}；${L.chair}：${m.chair ?? '—'}`),
        text(
          `${L.attendance}：${m.attendance.map((a) => `${a.organization}（${a.present ? L.present : L.absent}）`).join('、') || '—'}`,
        ),
        text(`${L.topics}：`),
        ...(m.topics.length
          ? m.topics.map((t, n) => text(`${n + 1}. ${t.title}${t.decision ? `；${L.decision}：${t.decision}` : ''}`))
          : [text(L.none)]),
        text(`${L.minutes}：`),
        ...(m.minutes
          ? m.minutes
              .split(/\r?\n/)
              .filter((line) => line.trim())
              .map(text)
          : [text(L.noMinutes)]),
      ])
    : [text(L.noMeetings)];

  return [
    chapter(L.chapters.summary),
    table(tables.summary),
    chapter(L.chapters.roster),
    section(L.sections.composition),
    table(tables.composition),
    section(L.sections.roster),
    table(tables.roster),
    chapter(L.chapters.meetings),
    table(tables.meetings),
    ...meetings,
    chapter(L.chapters.actionItems),
    table(tables.actionItems),
    chapter(L.chapters.services),
    section(L.sections.overview),
    table(tables.overview),
    section(L.sections.byCategory),
    table(tables.byCategory),
    section(L.sections.byDepartment),
    table(tables.byDepartment),
    section(L.sections.escalated),
    table(tables.escalated),
    section(L.sections.examples),
    table(tables.examples),
    chapter(L.chapters.thinkTank),
    section(L.sections.reports),
    table(tables.reports),
    section(L.sections.carriedOut),
    table(tables.carriedOut),
    chapter(L.chapters.venues),
    section(L.sections.venueUse),
    table(tables.venues),
    section(L.sections.studyVisits),
    table(tables.studyVisits),
    chapter(L.chapters.pairing),
    table(tables.pairing),
    chapter(L.chapters.typicalCases),
    ...(c.typicalCases.length
      ? c.typicalCases.flatMap((t, i) => [
          section(`（${i + 1}）${t.title}`),
          text(`${L.organization}：${t.organization}`),
          text(t.summary),
        ])
      : [text(L.none)]),
    chapter(L.chapters.indicators),
    table(tables.indicators),
  ];
}
