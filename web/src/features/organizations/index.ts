// What other features may use of this one, beside its routes, nav items and api.
export { OrganizationSelect } from './OrganizationSelect';
