export enum OrganizationKind {
  Enterprise = 'enterprise',
  /** A government department or unit that serves enterprises (the "X"). */
  Department = 'department',
}

export enum ChainPosition {
  Upstream = 'upstream',
  Midstream = 'midstream',
  Downstream = 'downstream',
}

/** 党委 / 党总支 / 党支部 */
export enum PartyOrganizationType {
  Committee = 'committee',
  GeneralBranch = 'general_branch',
  Branch = 'branch',
}
