import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { Actor } from '../tenancy/request-actor';
import { AuthService } from './auth.service';

/** `{ email, password }`, where `email` may also hold a mobile number. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(login: string, password: string): Promise<Actor> {
    return this.auth.validateCredentials(login, password);
  }
}
