/** The lifecycle of a service request (企业点单、部门服务). */
export enum ServiceRequestStatus {
  Submitted = 'submitted',
  Routed = 'routed',
  Accepted = 'accepted',
  InProgress = 'in_progress',
  /** Sent back to the enterprise for more information (退回补充材料). */
  Returned = 'returned',
  Resolved = 'resolved',
  Closed = 'closed',
  Rejected = 'rejected',
}

export enum Urgency {
  Normal = 'normal',
  Urgent = 'urgent',
}

export enum CategoryCode {
  ProjectApplication = 'project_application',
  Financing = 'financing',
  Talent = 'talent',
  LandConstruction = 'land_construction',
  Permits = 'permits',
  Policy = 'policy',
  IntellectualProperty = 'intellectual_property',
  ExportCustoms = 'export_customs',
  SafetyEnvironment = 'safety_environment',
  Other = 'other',
}
