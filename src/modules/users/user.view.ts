import type { User } from '../../platform/auth/entities/user.entity';
import type { UserView } from './dto/user.dto';

export function maskMobile(mobile: string | null): string | null {
  return mobile && mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : mobile;
}

export function toUserView(user: User, organizationName: string | null, { maskPhone = true } = {}): UserView {
  return {
    id: user.id,
    email: user.email,
    mobile: maskPhone ? maskMobile(user.mobile) : user.mobile,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    organization: user.organizationId && organizationName ? { id: user.organizationId, name: organizationName } : null,
    createdAt: user.createdAt,
  };
}
