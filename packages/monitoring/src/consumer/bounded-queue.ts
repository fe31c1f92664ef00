// A FIFO of fixed capacity that drops its oldest entry to take a new one when full.
export class BoundedQueue<T> {
  private readonly items: Array<T | undefined>;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  /** Adds an item; returns true when the oldest one was dropped to make room. */
  push(item: T): boolean {
    const dropped = this.size === this.capacity;
    if (dropped) {
      this.head = (this.head + 1) % this.capacity;
      this.size--;
    }
    this.items[(this.head + this.size) % this.capacity] = item;
    this.size++;
    return dropped;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    return item;
  }

  get length(): number {
    return this.size;
  }
}
