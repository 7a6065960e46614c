/**
 * What other modules may name in their SQL of the think tank's data (migration ModuleExportedViews),
 * under the reader's row-level security: research_report_directory (tenant_id, id, alliance_id,
 * title, status), review_round_directory (tenant_id, id, report_id, number) and expert_directory
 * (tenant_id, id, user_id: the expert's account).
 */
export const EXPORTED_VIEWS = ['research_report_directory', 'review_round_directory', 'expert_directory'] as const;
