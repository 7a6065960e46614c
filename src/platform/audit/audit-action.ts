/** What an audit row records, in the order the API document lists them. */
export const AUDIT_ACTIONS = ['insert', 'update', 'delete', 'refused'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
