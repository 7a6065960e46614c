import { assertSafeKey, FileStorage } from './file-storage';
import { lazyS3Client, type S3Connection } from './lazy-s3-client';

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Any S3-compatible object store (AWS S3, MinIO, Aliyun OSS, Tencent COS in S3 mode). */
export class S3Storage extends FileStorage {
  private readonly connect: () => Promise<S3Connection>;

  constructor(private readonly settings: S3Settings) {
    super();
    this.connect = lazyS3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: !!settings.endpoint,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key);
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: content, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer> {
    assertSafeKey(key);
    const { sdk, client } = await this.connect();
    const response = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    return Buffer.from(await response.Body!.transformToByteArray());
  }

  async remove(key: string): Promise<void> {
    assertSafeKey(key);
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}
