import { OrganizationKind, PartyOrganizationType } from '../organizations/entities/organization-kind';
import type { Organization } from '../organizations/entities/organization.entity';
import { AllianceRole } from './entities/alliance-role';
import { membershipProblems } from './membership-rules';

const party = { type: PartyOrganizationType.Branch, name: '党支部', memberCount: 5 };
const org = (kind: OrganizationKind, withParty: boolean) =>
  ({ kind, partyOrganization: withParty ? party : null }) as unknown as Organization;

describe('membershipProblems', () => {
  it('accepts an enterprise with a Party organisation as the lead or a member', () => {
    expect(membershipProblems(org(OrganizationKind.Enterprise, true), AllianceRole.Lead)).toEqual([]);
    expect(membershipProblems(org(OrganizationKind.Enterprise, true), AllianceRole.Member)).toEqual([]);
  });

  it('accepts a department as an X', () => {
    expect(membershipProblems(org(OrganizationKind.Department, false), AllianceRole.Department)).toEqual([]);
  });

  it('refuses a department as the lead and an enterprise as an X', () => {
    expect(membershipProblems(org(OrganizationKind.Department, true), AllianceRole.Lead)[0].reason).toBe(
      'roleKindMismatch',
    );
    expect(membershipProblems(org(OrganizationKind.Enterprise, true), AllianceRole.Department)[0].reason).toBe(
      'roleKindMismatch',
    );
  });

  it('refuses a lead or member without a Party organisation', () => {
    expect(membershipProblems(org(OrganizationKind.Enterprise, false), AllianceRole.Lead)[0].reason).toBe(
      'leadNeedsPartyOrganization',
    );
    expect(membershipProblems(org(OrganizationKind.Enterprise, false), AllianceRole.Member)[0].reason).toBe(
      'memberNeedsPartyOrganization',
    );
  });
});
