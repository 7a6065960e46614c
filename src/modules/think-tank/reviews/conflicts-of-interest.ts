/** Why an expert may not review a report. */
export enum ConflictRule {
  /** The expert wrote it. */
  AuthorOfReport = 'authorOfReport',
  /** The expert works for an author's organisation. */
  AffiliatedWithAuthor = 'affiliatedWithAuthor',
  /** The expert works for an organisation the report is about. */
  AffiliatedWithSubject = 'affiliatedWithSubject',
  /** The expert declared a conflict with an author's organisation or an organisation the report is about. */
  DeclaredOrganization = 'declaredOrganization',
  /** The expert declared a conflict with one of the authors. */
  DeclaredPerson = 'declaredPerson',
}

export interface ExpertFacts {
  userId: string;
  /** The expert's affiliation and the organisation their user account belongs to. */
  organizationIds: string[];
  declarations: { organizationId: string | null; userId: string | null }[];
}

export interface ReportParties {
  authorUserIds: string[];
  authorOrganizationIds: string[];
  subjectOrganizationIds: string[];
}

export interface Conflict {
  rule: ConflictRule;
  /** The organisation or user the conflict is with. */
  withId: string;
}

/** Every conflict of interest between an expert and a report, derived from the registry and the expert's declarations. */
export function conflictsOfInterest(expert: ExpertFacts, report: ReportParties): Conflict[] {
  const conflicts: Conflict[] = [];
  if (report.authorUserIds.includes(expert.userId))
    conflicts.push({ rule: ConflictRule.AuthorOfReport, withId: expert.userId });
  for (const org of new Set(expert.organizationIds)) {
    if (report.authorOrganizationIds.includes(org))
      conflicts.push({ rule: ConflictRule.AffiliatedWithAuthor, withId: org });
    if (report.subjectOrganizationIds.includes(org))
      conflicts.push({ rule: ConflictRule.AffiliatedWithSubject, withId: org });
  }
  for (const declared of expert.declarations) {
    const org = declared.organizationId;
    if (org && (report.authorOrganizationIds.includes(org) || report.subjectOrganizationIds.includes(org))) {
      conflicts.push({ rule: ConflictRule.DeclaredOrganization, withId: org });
    }
    if (declared.userId && report.authorUserIds.includes(declared.userId))
      conflicts.push({ rule: ConflictRule.DeclaredPerson, withId: declared.userId });
  }
  return conflicts;
}
