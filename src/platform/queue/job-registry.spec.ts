type Registry = typeof import('./job-registry');

/** A fresh registry each time: the module keeps its state, as it does in a process. */
function freshRegistry(): Registry {
  let registry!: Registry;
  jest.isolateModules(() => {
    registry = jest.requireActual<Registry>('./job-registry');
  });
  return registry;
}

describe('job registry', () => {
  it('puts each job on the queue its feature defined', () => {
    const registry = freshRegistry();
    registry.defineJobs('things', ['do-thing' as never, 'undo-thing' as never]);
    registry.defineJobs('others', ['other-thing' as never]);
    expect(registry.queueOf('undo-thing' as never)).toBe('things');
    expect(registry.queueOf('other-thing' as never)).toBe('others');
  });

  it('refuses one job name on two queues', () => {
    const registry = freshRegistry();
    registry.defineJobs('things', ['do-thing' as never]);
    expect(() => registry.defineJobs('others', ['do-thing' as never])).toThrow(/on queues "things" and "others"/);
  });

  it('lists every queue and job only once the application sealed it', () => {
    const registry = freshRegistry();
    registry.defineJobs('things', ['do-thing' as never]);
    expect(() => registry.registeredQueues()).toThrow(/incomplete/);
    expect(() => registry.registeredJobs()).toThrow(/incomplete/);
    registry.sealJobRegistry();
    expect(registry.registeredQueues()).toEqual(['things']);
    expect(registry.registeredJobs()).toEqual(['do-thing']);
  });
});
