/** True when jest runs only the fault suite, which brings its own servers and needs no shared template. */
export function onlyFaults(globalConfig: { selectProjects?: string[] } | undefined): boolean {
  const selected = globalConfig?.selectProjects ?? [];
  return selected.length > 0 && selected.every((name) => name === 'faults');
}
