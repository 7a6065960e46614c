/** Ids a process remembers for a while: beyond `limit`, the oldest is forgotten first. */
export class BoundedIdSet {
  private readonly ids = new Set<string>();

  constructor(private readonly limit: number) {}

  add(id: string): void {
    this.ids.delete(id);
    if (this.ids.size >= this.limit) this.ids.delete(this.ids.values().next().value!);
    this.ids.add(id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Whether it was there; it is forgotten either way. */
  take(id: string): boolean {
    return this.ids.delete(id);
  }

  list(): string[] {
    return [...this.ids];
  }
}
