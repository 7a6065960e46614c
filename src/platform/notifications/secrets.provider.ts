import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { SecretBox } from './secret-box';

export const secretBoxProvider = {
  provide: SecretBox,
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>) => new SecretBox(config.get('SECRETS_KEY', { infer: true })),
};
