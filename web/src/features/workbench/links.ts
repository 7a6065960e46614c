import type { WorkbenchItem, WorkbenchSection } from './api';

/** The page an item opens: the request, meeting (its minutes, for minutes to approve), round, call, case or review itself, or its list. */
export function itemLink(item: Pick<WorkbenchItem, 'kind' | 'id'>, section?: WorkbenchSection['key']): string {
  if (section === 'minutes_to_approve') return `/meetings/${item.id}?tab=minutes`;
  switch (item.kind) {
    case 'service_request':
      return `/service-requests/${item.id}`;
    case 'meeting':
      return `/meetings/${item.id}`;
    case 'typical_case':
      return `/cases/${item.id}`;
    case 'indicator_round':
      return `/indicators/${item.id}`;
    case 'project_call':
      return `/project-calls/${item.id}`;
    case 'review_assignment':
      return `/think-tank/reviews/${item.id}`;
    case 'action_item':
      return '/action-items';
    case 'pair':
      return '/pairing';
  }
}

/** Where the whole of a section is listed. */
export function sectionLink(key: WorkbenchSection['key'], role: string): string {
  switch (key) {
    case 'requests_to_accept':
      return '/service-inbox?tab=routed';
    case 'requests_to_resolve':
      return '/service-inbox?tab=in_progress';
    case 'chased_requests':
      return '/service-inbox?tab=all';
    case 'requests_awaiting_information':
    case 'requests_to_rate':
    case 'low_rating_follow_ups':
      return role === 'department_staff' ? '/service-inbox?tab=all' : '/service-requests';
    case 'supervised_requests':
      return '/supervision';
    case 'meetings_to_answer':
    case 'meetings_this_week':
    case 'minutes_to_approve':
      return '/meetings';
    case 'indicator_rounds_to_fill':
      return '/indicators';
    case 'project_calls':
      return '/project-calls';
    case 'overdue_action_items':
      return '/action-items';
    case 'pairs_to_visit':
      return '/pairing';
    case 'cases_to_review':
      return '/cases';
    case 'review_invitations':
    case 'reviews_due':
      return '/think-tank/reviews';
  }
}
