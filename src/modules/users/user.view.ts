import type { User } from '../../platform/auth/entities/user.entity';
import { maskPhone } from '../../platform/privacy/mask';
import type { UserView } from './dto/user.dto';

export function toUserView(user: User, organizationName: string | null, { masked = true } = {}): UserView {
  return {
    id: user.id,
    email: user.email,
    mobile: masked ? maskPhone(user.mobile) : user.mobile,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    organization: user.organizationId && organizationName ? { id: user.organizationId, name: organizationName } : null,
    createdAt: user.createdAt,
  };
}
