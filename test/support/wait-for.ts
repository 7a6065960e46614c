/** Polls until `check` returns a value that satisfies `done`, or fails with the last value seen (the default wait is long enough for a CI machine running two suites at once). */
export async function waitFor<T>(
  check: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 45_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await check();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  } while (Date.now() < deadline);
  throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
}
