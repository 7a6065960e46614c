import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud's RPC signature (SignatureMethod=HMAC-SHA1, SignatureVersion=1.0): percent-encode
 * per RFC 3986 (only A-Z a-z 0-9 - _ . ~ stay as they are, space is %20), sort the parameters by
 * name, and sign `METHOD&%2F&<encoded canonical query>` with `<AccessKeySecret>&`.
 * https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function rpcSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params)).digest('base64');
}

/** Alibaba's Timestamp: ISO 8601 in UTC without milliseconds. */
export function rpcTimestamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
