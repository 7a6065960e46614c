import type { ServiceRequestStatus } from './entities/service-request-status';
import { TRANSITIONS } from './lifecycle/transitions';
import { supervisionCountQuery, supervisionQuery } from './service-request-views.repository';

/**
 * What the workbench (modules/workbench) needs of service requests beyond the exported views: the states
 * of its to-do lists, taken from the lifecycle's own state machine (lifecycle/transitions.ts), and the
 * supervision board's statements, so the workbench counts and lists the board with the SQL the board runs.
 */
export interface RequestStatesForWorkbench {
  /** The provider may accept these now. */
  toAccept: readonly ServiceRequestStatus[];
  /** The provider may resolve these now. */
  toResolve: readonly ServiceRequestStatus[];
  /** Sent back to the enterprise for more information. */
  awaitingInformation: readonly ServiceRequestStatus[];
  /** The enterprise may rate these now. */
  toRate: readonly ServiceRequestStatus[];
}

export const WORKBENCH_REQUEST_STATES: RequestStatesForWorkbench = {
  toAccept: TRANSITIONS.accept.from,
  toResolve: TRANSITIONS.resolve.from,
  awaitingInformation: TRANSITIONS.provide_information.from,
  toRate: TRANSITIONS.rate.from,
};

/** One statement of the supervision board (督办) and its parameters. */
export interface SupervisionStatement {
  sql: string;
  params: unknown[];
}

/** How many requests the supervision board holds: open, at risk or late (one row, `total`). */
export function supervisionBoardCount(): SupervisionStatement {
  return supervisionCountQuery();
}

/** The board's first `limit` requests, late first, then at risk, each by due time (as ServiceRequestsService.supervision runs it). */
export function supervisionBoardPage(limit: number): SupervisionStatement {
  return supervisionQuery(limit);
}
