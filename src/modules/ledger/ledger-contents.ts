import type { MeetingRecord } from '../meetings/records/meeting-record.view';
import type { DashboardView } from '../dashboard/dto/dashboard.dto';
import type { ServiceStatisticsView } from '../service-requests/dto/statistics.dto';
import type { ActionItemLine, RequestLine } from './ledger.repository';
import type { LedgerPeriod } from './ledger-period';
import type { IndicatorRoundRecord } from '../indicators/indicator-records.service';
import type { PairingVisitRecord } from '../pairing/pairing-records.service';
import type { StudyVisitRecord } from '../study-route/study-route-records.service';
import type { ReportRecord } from '../think-tank/reports/report-records.service';
import type { TypicalCaseRecord } from '../typical-cases/typical-case-records.service';
import type { VenueUseRecord } from '../venues/venue-records.service';

export interface RosterLine {
  role: string;
  name: string;
  chainPosition: string | null;
  joinedOn: string;
  party: { type: string; name: string; secretary: string | null; memberCount: number } | null;
}

/**
 * What a ledger (工作台账) holds: the figures as the dashboard and the statistics compute them (the
 * same services, so the documents and the pages agree), and the lists behind them.
 */
export interface LedgerContents {
  alliance: { id: string; name: string };
  period: LedgerPeriod;
  dashboard: DashboardView;
  statistics: ServiceStatisticsView;
  roster: RosterLine[];
  meetings: MeetingRecord[];
  actionItems: ActionItemLine[];
  requests: { escalated: RequestLine[]; resolved: RequestLine[] };
  thinkTank: { reports: ReportRecord[]; carriedOut: { report: string; title: string; dueOn: string | null }[] };
  venues: VenueUseRecord[];
  studyVisits: StudyVisitRecord[];
  pairingVisits: PairingVisitRecord[];
  typicalCases: TypicalCaseRecord[];
  indicators: IndicatorRoundRecord[];
}
