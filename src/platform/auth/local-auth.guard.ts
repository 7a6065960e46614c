import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainException } from '../errors/domain.exception';
import { createValidationPipe } from '../errors/validation-exception.factory';
import { LoginDto } from './dto/login.dto';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  /**
   * Guards run before pipes: validate the credentials' shape first, so a body with unknown fields,
   * non-string values or an oversized password is refused before any sign-in is attempted.
   */
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    await this.validation.transform(request.body ?? {}, { type: 'body', metatype: LoginDto, data: '' });
    return (await super.canActivate(context)) as boolean;
  }

  /** A failure of the sign-in itself (the database busy or down) is that failure, not a blank field. */
  handleRequest<T>(error: Error | null, user: T): T {
    if (error) throw error;
    if (!user)
      throw DomainException.invalid([
        { field: 'email', reason: 'isNotEmpty' },
        { field: 'password', reason: 'isNotEmpty' },
      ]);
    return user;
  }
}
