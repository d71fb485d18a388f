/** Items that finish out of order, handed on in order: each waits only for the ones before it. */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;

  constructor(private readonly take: (item: T) => void) {}

  /** Item `index` (0, 1, 2… each once) is ready. */
  put(index: number, item: T): void {
    this.waiting.set(index, item);
    while (this.waiting.has(this.next)) {
      const ready = this.waiting.get(this.next) as T;
      this.waiting.delete(this.next);
      this.next++;
      this.take(ready);
    }
  }
}
