// What other features may use of this one, beside its routes, nav items and api.
export { ActionItemsTable } from './ActionItemsTable';
export { CreateActionItemModal } from './CreateActionItemModal';
