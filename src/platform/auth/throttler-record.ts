export interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** What @nestjs/throttler expects of a hit, from the count and the two remaining times in ms. */
export function throttleRecord(hits: number, ttlMs: number, blockMs: number): ThrottlerStorageRecord {
  return {
    totalHits: hits,
    timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
    isBlocked: blockMs > 0,
    timeToBlockExpire: Math.ceil(Math.max(blockMs, 0) / 1000),
  };
}
