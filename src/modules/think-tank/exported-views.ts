/**
 * What other modules may name in their SQL of the think tank's data (migration ModuleExportedViews),
 * under the reader's row-level security: research_report_directory (tenant_id, id, alliance_id,
 * title, status), review_round_directory (tenant_id, id, report_id, number), expert_directory
 * (tenant_id, id, user_id: the expert's account) and review_assignment_directory (tenant_id, id,
 * expert_id, report_id, round_id, status, respond_by, due_at, created_at).
 */
export const EXPORTED_VIEWS = [
  'research_report_directory',
  'review_round_directory',
  'expert_directory',
  'review_assignment_directory',
] as const;
