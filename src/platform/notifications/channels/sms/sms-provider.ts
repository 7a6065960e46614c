/** A township's account with its SMS provider, the secret opened only to send. */
export interface SmsAccount {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
}

export interface SmsMessage {
  /** A mainland mobile number, e.g. 13800000000. */
  to: string;
  templateCode: string;
  params: Record<string, string>;
  /** Our id for the message, which the provider echoes in its receipts. */
  outId?: string;
}

/** Sends one templated text message; throws with the provider's reason when it refuses. */
export interface SmsProvider {
  send(account: SmsAccount, message: SmsMessage): Promise<{ messageId: string }>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
