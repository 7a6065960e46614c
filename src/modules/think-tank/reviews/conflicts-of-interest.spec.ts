import { ConflictRule, conflictsOfInterest, type ExpertFacts, type ReportParties } from './conflicts-of-interest';

const report: ReportParties = {
  authorUserIds: ['author'],
  authorOrganizationIds: ['author-org'],
  subjectOrganizationIds: ['subject-org'],
};
const expert = (facts: Partial<ExpertFacts>): ExpertFacts => ({
  userId: 'expert',
  organizationIds: [],
  declarations: [],
  ...facts,
});
const rules = (facts: Partial<ExpertFacts>) => conflictsOfInterest(expert(facts), report).map((c) => c.rule);

describe('conflicts of interest', () => {
  it('finds none for an unrelated expert', () => {
    expect(
      rules({ organizationIds: ['elsewhere'], declarations: [{ organizationId: 'elsewhere', userId: 'someone' }] }),
    ).toEqual([]);
  });

  it('refuses an author of the report', () => {
    expect(rules({ userId: 'author' })).toEqual([ConflictRule.AuthorOfReport]);
  });

  it("refuses an expert affiliated with an author's organisation", () => {
    expect(rules({ organizationIds: ['author-org'] })).toEqual([ConflictRule.AffiliatedWithAuthor]);
  });

  it('refuses an expert affiliated with an organisation the report is about', () => {
    expect(rules({ organizationIds: ['subject-org'] })).toEqual([ConflictRule.AffiliatedWithSubject]);
  });

  it('refuses on a declared conflict with an author organisation, a subject organisation or an author', () => {
    expect(rules({ declarations: [{ organizationId: 'author-org', userId: null }] })).toEqual([
      ConflictRule.DeclaredOrganization,
    ]);
    expect(rules({ declarations: [{ organizationId: 'subject-org', userId: null }] })).toEqual([
      ConflictRule.DeclaredOrganization,
    ]);
    expect(rules({ declarations: [{ organizationId: null, userId: 'author' }] })).toEqual([
      ConflictRule.DeclaredPerson,
    ]);
  });

  it('reports every conflict once per organisation, even when affiliation and account organisation agree', () => {
    expect(rules({ organizationIds: ['author-org', 'author-org'] })).toEqual([ConflictRule.AffiliatedWithAuthor]);
  });
});
