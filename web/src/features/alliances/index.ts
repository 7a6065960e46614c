// What other features may use of this one, beside its routes, nav items and api.
export { AllianceName, AllianceSelect } from './AllianceSelect';
export { useAllianceContext } from './useAllianceContext';
