import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldProblem } from '../../../platform/errors/domain.exception';
import { toFieldProblems } from '../../../platform/errors/validation-exception.factory';
import { CreateOrganizationDto } from '../../organizations/dto/create-organization.dto';
import { ChainPosition, OrganizationKind, PartyOrganizationType } from '../../organizations/entities/organization-kind';
import { AllianceRole } from '../../alliances/entities/alliance-role';
import type { MemberColumn } from './member-columns';

export interface MemberRow {
  organization: CreateOrganizationDto;
  role: AllianceRole;
  joinedOn: string | null;
}

const ROLE_WORDS: Record<string, AllianceRole> = {
  领头企业: AllianceRole.Lead,
  龙头企业: AllianceRole.Lead,
  lead: AllianceRole.Lead,
  '1': AllianceRole.Lead,
  职能部门: AllianceRole.Department,
  部门: AllianceRole.Department,
  department: AllianceRole.Department,
  x: AllianceRole.Department,
  成员企业: AllianceRole.Member,
  链上企业: AllianceRole.Member,
  member: AllianceRole.Member,
  n: AllianceRole.Member,
};

const CHAIN_WORDS: Record<string, ChainPosition> = {
  上游: ChainPosition.Upstream,
  upstream: ChainPosition.Upstream,
  中游: ChainPosition.Midstream,
  midstream: ChainPosition.Midstream,
  下游: ChainPosition.Downstream,
  downstream: ChainPosition.Downstream,
};

const PARTY_WORDS: Record<string, PartyOrganizationType> = {
  党委: PartyOrganizationType.Committee,
  committee: PartyOrganizationType.Committee,
  党总支: PartyOrganizationType.GeneralBranch,
  'general branch': PartyOrganizationType.GeneralBranch,
  general_branch: PartyOrganizationType.GeneralBranch,
  党支部: PartyOrganizationType.Branch,
  branch: PartyOrganizationType.Branch,
};

/** Turns one sheet row into a member, or into the problems that refuse it (each naming its column). */
export function parseMemberRow(
  cells: Partial<Record<MemberColumn, string>>,
): { row: MemberRow } | { problems: FieldProblem[] } {
  const text = (column: MemberColumn) => cells[column]?.trim() || undefined;
  const problems: FieldProblem[] = [];
  const word = <T>(column: MemberColumn, words: Record<string, T>): T | undefined => {
    const value = text(column);
    if (value === undefined) return undefined;
    const found = words[value.toLowerCase()];
    if (found === undefined)
      problems.push({
        field: column,
        reason: 'isIn',
        args: Object.keys(words).filter((k) => /[\u0080-\uffff]/.test(k)),
      });
    return found;
  };

  const role = word('role', ROLE_WORDS) ?? AllianceRole.Member;
  const chainPosition = word('chainPosition', CHAIN_WORDS);
  const partyType = word('partyType', PARTY_WORDS);
  const memberCount = text('partyMemberCount');
  const joinedOn = normalizeDate(text('joinedOn'));
  if (text('joinedOn') && !joinedOn) problems.push({ field: 'joinedOn', reason: 'isDateString' });
  const foundedOn = normalizeDate(text('partyFoundedOn'));
  if (text('partyFoundedOn') && !foundedOn) problems.push({ field: 'partyFoundedOn', reason: 'isDateString' });

  const contactName = text('contactName');
  const plain = {
    name: text('name') ?? '',
    kind: role === AllianceRole.Department ? OrganizationKind.Department : OrganizationKind.Enterprise,
    unifiedCode: text('unifiedCode')?.toUpperCase(),
    industry: text('industry'),
    chainPosition,
    productTags: text('productTags')
      ?.split(/[,，、;；|]/)
      .map((t) => t.trim())
      .filter(Boolean),
    address: text('address'),
    contacts: contactName ? [{ name: contactName, phone: text('contactPhone'), email: text('contactEmail') }] : [],
    partyOrganization:
      partyType || text('partyName')
        ? {
            type: partyType,
            name:
              text('partyName') ??
              `${text('name') ?? ''}${partyType === PartyOrganizationType.Committee ? '党委' : '党支部'}`,
            secretary: text('partySecretary'),
            memberCount: memberCount === undefined ? 0 : Number(memberCount),
            foundedOn: foundedOn ?? undefined,
          }
        : undefined,
  };
  if (!plain.name) problems.push({ field: 'name', reason: 'required' });
  if (plain.partyOrganization && !partyType && !problems.some((p) => p.field === 'partyType')) {
    problems.push({ field: 'partyType', reason: 'required' });
  }
  const dto = plainToInstance(CreateOrganizationDto, plain);
  const validation = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  problems.push(...toFieldProblems(validation).map((p) => ({ ...p, field: columnOf(p.field) })));
  const unique = dedupe(problems);
  return unique.length > 0 ? { problems: unique } : { row: { organization: dto, role, joinedOn } };
}

/** Names the sheet column a DTO field came from, so the refusal points at what the person typed. */
function columnOf(field: string): string {
  const map: Record<string, MemberColumn> = {
    'contacts.0.name': 'contactName',
    'contacts.0.phone': 'contactPhone',
    'contacts.0.email': 'contactEmail',
    'partyOrganization.type': 'partyType',
    'partyOrganization.name': 'partyName',
    'partyOrganization.secretary': 'partySecretary',
    'partyOrganization.memberCount': 'partyMemberCount',
    'partyOrganization.foundedOn': 'partyFoundedOn',
  };
  return map[field] ?? field.split('.')[0];
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}

/** Accepts 2024-03-05, 2024/3/5, 2024.3.5 and 2024年3月5日. */
export function normalizeDate(value: string | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}
