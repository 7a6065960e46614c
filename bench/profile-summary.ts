import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The heaviest self time in a V8 .cpuprofile (BENCH_PROFILE=api or worker), by function and by module
 * (a package, a file of ours, Node's internals, or V8's own entries such as the garbage collector),
 * and by the package or file of ours whose call into Node and native code (writes, hashing) spent it:
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top] [seconds]`, leaving out the first `seconds`
 * (the process starting: loading modules, compiling).
 */
function main(): void {
  const [file, topArg, skipArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top] [seconds]');
  const top = Number(topArg ?? 15);
  const skipMs = 1000 * Number(skipArg ?? 0);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  let total = 0;
  let elapsedMs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's delta is the time since the one before it: that time is charged to this sample's frame.
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    elapsedMs += ms;
    if (elapsedMs < skipMs) return;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = url ? moduleOf(url) : functionName.startsWith('(') ? functionName : '(native)';
    add(byFunction, `${functionName || '(anonymous)'}  ${url ? `${fileOf(url)}:${lineNumber + 1}` : where}`, ms);
    add(byModule, where, ms);
    add(byCaller, callerOf(id, nodes, parents), ms);
    total += ms;
  });
  const busy = total - (byModule.get('(idle)') ?? 0);
  process.stdout.write(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s not idle\n`);
  for (const [title, table] of [
    ['self time by module', byModule],
    ['self time by function', byFunction],
    ["time by the caller outside Node's internals and native code", byCaller],
  ] as const) {
    process.stdout.write(`\n${title} (share of the time not idle)\n`);
    for (const [key, ms] of [...table]
      .filter(([key]) => !key.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      process.stdout.write(
        `${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${key}\n`,
      );
  }
}

function add(table: Map<string, number>, key: string, ms: number): void {
  table.set(key, (table.get(key) ?? 0) + ms);
}

/** The module of the nearest frame up the stack that is neither native nor Node's own; V8's entries as they are. */
function callerOf(id: number, nodes: Map<number, ProfileNode>, parents: Map<number, number>): string {
  const own = nodes.get(id)!.callFrame;
  if (!own.url && own.functionName.startsWith('(')) return own.functionName;
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const { url } = nodes.get(at)!.callFrame;
    if (url && !url.startsWith('node:')) return moduleOf(url);
  }
  return '(Node alone)';
}

/** A file as short as it can be told apart: from its package's folder, our dist/, or Node's name. */
function fileOf(url: string): string {
  return url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, '')
    .replace(/^file:\/\//, '');
}

/** A package's name, our own file (from dist/), or Node's internal file. */
function moduleOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/(.+)$/.exec(url);
  if (own) return own[1];
  return url.replace(/^file:\/\//, '');
}

main();
