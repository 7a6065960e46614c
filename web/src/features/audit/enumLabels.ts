/**
 * Where the app already names a column's values: object kind → column → the i18n prefix of its
 * values (a meeting's `status` `scheduled` is `meetings.statuses.scheduled`, 已安排).
 */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  meeting: { status: 'meetings.statuses', place_kind: 'meetings.placeKinds' },
  meeting_participant: { response: 'meetings.responses' },
  agenda_item: { status: 'meetings.agenda.statuses' },
  meeting_minutes: { status: 'meetings.minutes.statuses' },
  action_item: { status: 'actionItems.statuses' },
  service_request: {
    status: 'serviceRequests.statuses',
    returned_from: 'serviceRequests.statuses',
    urgency: 'serviceRequests.urgencies',
    sla_state: 'serviceRequests.slaStates',
    escalation_level: 'serviceRequests.escalationLevels',
  },
  service_category: {
    code: 'serviceRequests.catalogue.codes',
    accept_unit: 'serviceRequests.catalogue.unitNames',
    resolve_unit: 'serviceRequests.catalogue.unitNames',
  },
  user: { role: 'roles', status: 'userStatuses' },
  organization: { kind: 'organizationKinds', chain_position: 'chainPositions' },
  alliance_membership: { role: 'membershipRoles' },
  party_organization: { type: 'partyOrgTypes' },
  project_call: { status: 'projectCalls.statuses' },
  project_application: { step: 'projectCalls.steps' },
  typical_case: { status: 'cases.statuses' },
  indicator_round: { status: 'indicators.statuses' },
  indicator_submission: { status: 'indicators.submissionStatuses' },
  listing: { kind: 'resources.kinds', status: 'resources.statuses' },
  research_report: { status: 'thinkTank.statuses', blind_mode: 'thinkTank.blindModes' },
  review_assignment: { status: 'thinkTank.assignmentStatuses', recommendation: 'thinkTank.decisions' },
  review_round: { decision: 'thinkTank.decisions' },
  expert: { availability: 'thinkTank.availabilities' },
  group_robot: { kind: 'robotKinds' },
  venue_booking: { status: 'venues.statuses' },
  venue_zone: { kind: 'venues.kinds' },
  study_booking: { status: 'venues.statuses' },
};
