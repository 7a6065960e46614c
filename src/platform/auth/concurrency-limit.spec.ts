import { ConcurrencyLimit } from './concurrency-limit';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs two tasks at once and starts the others in order as places free up', async () => {
    const limit = new ConcurrencyLimit(2);
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = tasks.map((task, i) =>
      limit.run(() => {
        started.push(i);
        return task.promise;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);

    tasks[1].resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);

    const failed = expect(runs[0]).rejects.toThrow('wrong password hash');
    tasks[0].reject(new Error('wrong password hash'));
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);

    tasks[2].resolve();
    tasks[3].resolve();
    await failed;
    await Promise.all(runs.slice(1));

    await limit.run(() => Promise.resolve(started.push(4)));
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });
});
