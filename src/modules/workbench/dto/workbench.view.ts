import { Role } from '../../../platform/auth/entities/role';

/** What a section lists; each role gets its own sections (see WorkbenchService). */
export enum WorkbenchSectionKey {
  /** Department (or service team): routed to the organisation, waiting to be accepted. */
  RequestsToAccept = 'requests_to_accept',
  /** Department (or service team): accepted or in progress, waiting to be resolved. */
  RequestsToResolve = 'requests_to_resolve',
  /** Department (or service team): open requests the enterprise chased (催办). */
  ChasedRequests = 'chased_requests',
  /** Enterprise: sent back for more information (退回补充材料). */
  RequestsAwaitingInformation = 'requests_awaiting_information',
  /** Enterprise: resolved, waiting for its rating before they close by themselves. */
  RequestsToRate = 'requests_to_rate',
  /** Invitations to answer: the person's own, or the organisation's that names nobody yet. */
  MeetingsToAnswer = 'meetings_to_answer',
  /** Enterprise: open indicator rounds it has not submitted. */
  IndicatorRoundsToFill = 'indicator_rounds_to_fill',
  /** Enterprise: open project calls it is eligible for, not applied or its application unfinished. */
  ProjectCalls = 'project_calls',
  /** Official: open requests at risk or late (the supervision board, 督办). */
  SupervisedRequests = 'supervised_requests',
  /** Official: low ratings to call back (回访). */
  LowRatingFollowUps = 'low_rating_follow_ups',
  /** Official: circulated minutes of meetings they chair. */
  MinutesToApprove = 'minutes_to_approve',
  /** Official: open action items past their due date. */
  OverdueActionItems = 'overdue_action_items',
  /** Official: their pairs (结对联系) due for a visit. */
  PairsToVisit = 'pairs_to_visit',
  /** Official: typical cases nominated and waiting for review. */
  CasesToReview = 'cases_to_review',
  /** Expert: review invitations to accept or decline. */
  ReviewInvitations = 'review_invitations',
  /** Expert: accepted reviews to submit. */
  ReviewsDue = 'reviews_due',
  /** Meetings of this week (the township's Monday to Sunday) the person or their organisation is invited to, not yet over. */
  MeetingsThisWeek = 'meetings_this_week',
}

/** Which page an item opens. */
export enum WorkbenchItemKind {
  ServiceRequest = 'service_request',
  Meeting = 'meeting',
  ActionItem = 'action_item',
  Pair = 'pair',
  TypicalCase = 'typical_case',
  IndicatorRound = 'indicator_round',
  ProjectCall = 'project_call',
  ReviewAssignment = 'review_assignment',
}

/** What the person is to do with an item. */
export enum WorkbenchAction {
  Accept = 'accept',
  Resolve = 'resolve',
  AnswerChase = 'answer_chase',
  ProvideInformation = 'provide_information',
  Rate = 'rate',
  Rsvp = 'rsvp',
  NameAttendee = 'name_attendee',
  FillIndicators = 'fill_indicators',
  Apply = 'apply',
  ContinueApplication = 'continue_application',
  Supervise = 'supervise',
  FollowUp = 'follow_up',
  ApproveMinutes = 'approve_minutes',
  ChaseActionItem = 'chase_action_item',
  Visit = 'visit',
  ReviewCase = 'review_case',
  AnswerInvitation = 'answer_invitation',
  SubmitReview = 'submit_review',
  Attend = 'attend',
}

export class WorkbenchItemView {
  kind: WorkbenchItemKind;
  /** The id of the request, meeting, round, call, case, pair, action item or review assignment. */
  id: string;
  title: string;
  /** A short reference: a request's number, a round's period, a call's issuing body, a pair's last visit (YYYY-MM-DD). */
  reference: string | null;
  /** The other side: the requesting or serving organisation, the owner, the paired enterprise. */
  counterpart: string | null;
  action: WorkbenchAction;
  /** The deadline as an instant: an SLA due time, a reply-by time, a meeting's start. */
  dueAt: Date | null;
  /** A deadline that is a day of the township's calendar (YYYY-MM-DD): action items, rounds, calls, visits. */
  dueOn: string | null;
  /** The deadline has passed (the township's clock and calendar). */
  overdue: boolean;
  /** Since when it has been waiting: routed, chased, returned, resolved, nominated. */
  since: Date | null;
  /** A meeting's end. */
  endsAt: Date | null;
  /** A request's escalation level (0–3), for the SLA sections. */
  escalationLevel: number | null;
  /** The rating (1–5) behind a follow-up. */
  rating: number | null;
}

export class WorkbenchSectionView {
  key: WorkbenchSectionKey;
  /** Everything that waits in this section, of which `items` are the first few, oldest or most urgent first. */
  total: number;
  items: WorkbenchItemView[];
}

export class WorkbenchView {
  role: Role;
  /** The township's time zone, in which "today", "this week" and "overdue" are read. */
  timeZone: string;
  generatedAt: Date;
  /** This week: from Monday 00:00 to the next Monday 00:00 in the township's time zone. */
  weekStart: Date;
  weekEnd: Date;
  sections: WorkbenchSectionView[];
}
