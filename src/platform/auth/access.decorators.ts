import { SetMetadata } from '@nestjs/common';
import { Role } from './entities/role';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
export const ALL_ROLES = Object.values(Role);

/** Opens a route to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles that may call a route; a route with neither this nor @Public() is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever the role. */
export const SignedIn = () => Roles(...ALL_ROLES);
