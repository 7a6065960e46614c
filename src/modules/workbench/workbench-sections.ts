import { Role } from '../../platform/auth/entities/role';
import type { ServiceRequestView } from '../service-requests/dto/service-request.dto';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import { REVIEW_INVITATIONS, REVIEWS_DUE } from './sections/expert-sections';
import { MEETINGS_THIS_WEEK, MEETINGS_TO_ANSWER, MINUTES_TO_APPROVE } from './sections/meeting-sections';
import { INDICATOR_ROUNDS_TO_FILL, PROJECT_CALLS } from './sections/member-sections';
import { CASES_TO_REVIEW, OVERDUE_ACTION_ITEMS, PAIRS_TO_VISIT } from './sections/official-sections';
import type { SectionDefinition } from './sections/section-statement';
import {
  CHASED_REQUESTS,
  LOW_RATING_FOLLOW_UPS,
  REQUESTS_AWAITING_INFORMATION,
  REQUESTS_TO_ACCEPT,
  REQUESTS_TO_RATE,
  REQUESTS_TO_RESOLVE,
  supervisedRequests,
} from './sections/service-request-sections';

/** A section of a role's workbench; an optional one shows only when something waits in it. */
export interface RoleSection {
  section: SectionDefinition;
  optional?: boolean;
}

const optional = (section: SectionDefinition): RoleSection => ({ section, optional: true });
const always = (section: SectionDefinition): RoleSection => ({ section });

/**
 * Each role's sections, in the order the home page shows them. A lead enterprise's contacts serve
 * requests too (its service team), so an enterprise sees the serving sections when they hold something.
 */
export function sectionsFor(
  role: Role,
  supervisionBoard: (page: PageQueryDto) => Promise<Page<ServiceRequestView>>,
): RoleSection[] {
  switch (role) {
    case Role.DepartmentStaff:
      return [
        always(REQUESTS_TO_ACCEPT),
        always(REQUESTS_TO_RESOLVE),
        always(CHASED_REQUESTS),
        always(MEETINGS_TO_ANSWER),
        always(MEETINGS_THIS_WEEK),
      ];
    case Role.EnterpriseContact:
      return [
        always(REQUESTS_AWAITING_INFORMATION),
        always(REQUESTS_TO_RATE),
        always(MEETINGS_TO_ANSWER),
        always(INDICATOR_ROUNDS_TO_FILL),
        always(PROJECT_CALLS),
        optional(REQUESTS_TO_ACCEPT),
        optional(REQUESTS_TO_RESOLVE),
        optional(CHASED_REQUESTS),
        always(MEETINGS_THIS_WEEK),
      ];
    case Role.TownshipAdmin:
      return [
        always(supervisedRequests(supervisionBoard)),
        always(LOW_RATING_FOLLOW_UPS),
        always(MINUTES_TO_APPROVE),
        always(OVERDUE_ACTION_ITEMS),
        always(PAIRS_TO_VISIT),
        always(CASES_TO_REVIEW),
        optional(MEETINGS_TO_ANSWER),
        always(MEETINGS_THIS_WEEK),
      ];
    case Role.Expert:
      return [
        always(REVIEW_INVITATIONS),
        always(REVIEWS_DUE),
        optional(MEETINGS_TO_ANSWER),
        always(MEETINGS_THIS_WEEK),
      ];
    default:
      return [];
  }
}
