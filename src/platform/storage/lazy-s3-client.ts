import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3Connection {
  sdk: typeof import('@aws-sdk/client-s3');
  client: S3Client;
}

/**
 * An S3 client made on the first call: the AWS SDK is hundreds of modules that an API storing its
 * files locally (or not touching them yet) would otherwise hold from start-up on.
 */
export function lazyS3Client(config: S3ClientConfig): () => Promise<S3Connection> {
  let connection: Promise<S3Connection> | undefined;
  return () => (connection ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: new sdk.S3Client(config) })));
}
