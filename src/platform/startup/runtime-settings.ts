/**
 * The environment the API and the worker run with in production: the Dockerfile, the Kubernetes
 * manifests, `npm run demo`/`npm run serve` (scripts/launch.ts) and the benchmark set exactly these
 * (runtime-settings.spec.ts holds them to it).
 *
 * NODE_OPTIONS bounds the heap: V8 otherwise grows it lazily towards gigabytes.
 *
 * GLIBC_TUNABLES fixes glibc's mmap threshold at 1 MiB. By default each block over the threshold that
 * is freed raises it, so after the first sign-in argon2's 19 MiB work area (one per libuv thread) is
 * carved from a malloc arena instead and kept there once freed: up to 4 × 19 MiB resident for good.
 * Fixed, such blocks are mapped for the hash and handed back to the system right after it.
 */
export const PRODUCTION_RUNTIME_ENV = {
  NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=8',
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=1048576',
} as const;
