/** The place of an organisation in the "1+X+N" structure. */
export enum AllianceRole {
  /** 1: the lead enterprise (领头企业) */
  Lead = 'lead',
  /** X: a government department or unit (涉企职能部门) */
  Department = 'department',
  /** N: a member enterprise on the chain (链上企业) */
  Member = 'member',
}
