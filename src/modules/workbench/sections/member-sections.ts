import { IndicatorRoundStatus } from '../../indicators/entities/indicator-round-status';
import { IndicatorSubmissionStatus } from '../../indicators/entities/indicator-submission-status';
import { REPORTING_MEMBERS } from '../../indicators/reporting-members.view';
import { ProjectCallStatus } from '../../project-calls/entities/project-call-status';
import { UNFINISHED_STEPS } from '../../project-calls/project-calls.service';
import { WorkbenchAction, WorkbenchItemKind, WorkbenchSectionKey } from '../dto/workbench.view';
import {
  sectionStatement,
  sqlValues,
  type Statement,
  statementSection,
  type WorkbenchScope,
} from './section-statement';

/**
 * Open rounds of the alliances the enterprise reports to (IndicatorsService's REPORTING_MEMBERS),
 * whose last day has not passed, and that it has not submitted (nothing yet, or a draft); the
 * nearest deadline first.
 */
export function indicatorRoundsToFillQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  const reports = `${REPORTING_MEMBERS.replace('$1', 'r.alliance_id')} AND m.organization_id = $1`;
  return sectionStatement({
    from: 'indicator_round_directory r',
    where: `r.status = '${IndicatorRoundStatus.Open}' AND r.deadline >= $2::date AND EXISTS (${reports})
            AND NOT EXISTS (SELECT 1 FROM indicator_submission_directory s WHERE s.round_id = r.id AND s.organization_id = $1 AND s.status = '${IndicatorSubmissionStatus.Submitted}')`,
    order: 'r.deadline, r.created_at, r.id',
    key: 'r.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.IndicatorRound}', 'action', '${WorkbenchAction.FillIndicators}', 'id', r.id,
             'title', (SELECT a.name FROM alliance_directory a WHERE a.id = r.alliance_id), 'reference', r.period, 'dueOn', r.deadline::text, 'since', r.created_at)`,
    params: [scope.actor.organizationId, scope.today],
    limit: scope.limit,
  });
}

/**
 * Open calls whose deadline has not passed and that the enterprise is eligible for, as
 * ProjectCallsService judges it (a member enterprise of the call's alliance, or of any when it
 * names none, whose product tags overlap the call's, or any when it names none), which it has not
 * applied to or whose application is not yet with the issuer (UNFINISHED_STEPS); the nearest deadline first.
 */
export function projectCallsQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  const step = `(SELECT a.step FROM project_application_directory a WHERE a.call_id = c.id AND a.organization_id = $1)`;
  return sectionStatement({
    from: 'project_call_directory c',
    where: `c.status = '${ProjectCallStatus.Open}' AND c.deadline >= $2::date
            AND EXISTS (SELECT 1 FROM organization_directory o WHERE o.id = $1 AND o.kind = 'enterprise'
                          AND (cardinality(c.eligibility_tags) = 0 OR c.eligibility_tags && o.product_tags))
            AND EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.organization_id = $1 AND m.left_on IS NULL AND m.role IN ('lead', 'member')
                          AND (c.alliance_id IS NULL OR m.alliance_id = c.alliance_id))
            AND coalesce(${step} IN (${sqlValues(UNFINISHED_STEPS)}), true)`,
    order: 'c.deadline, c.id',
    key: 'c.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.ProjectCall}', 'id', c.id, 'title', c.name, 'reference', c.issuing_body, 'dueOn', c.deadline::text,
             'action', CASE WHEN ${step} IS NULL THEN '${WorkbenchAction.Apply}' ELSE '${WorkbenchAction.ContinueApplication}' END, 'since', c.created_at)`,
    params: [scope.actor.organizationId, scope.today],
    limit: scope.limit,
  });
}

export const INDICATOR_ROUNDS_TO_FILL = statementSection(
  WorkbenchSectionKey.IndicatorRoundsToFill,
  indicatorRoundsToFillQuery,
);
export const PROJECT_CALLS = statementSection(WorkbenchSectionKey.ProjectCalls, projectCallsQuery);
