/**
 * A binary max-heap keyed by a number (split gain for leaf-wise growth): `pop` returns the item
 * of largest key, ties broken by insertion order so growth is deterministic.
 *
 * @example
 * const queue = new PriorityQueue<string>();
 * queue.push('a', 1); queue.push('b', 3);
 * queue.pop(); // 'b'
 */
export class PriorityQueue<T> {
  readonly #items: T[] = [];
  readonly #keys: number[] = [];
  readonly #order: number[] = [];
  #pushed = 0;

  get size(): number {
    return this.#items.length;
  }

  push(item: T, key: number): void {
    this.#items.push(item);
    this.#keys.push(key);
    this.#order.push(this.#pushed++);
    let child = this.#items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.#above(child, parent)) break;
      this.#swap(child, parent);
      child = parent;
    }
  }

  /** The item of largest key, or undefined when empty. */
  pop(): T | undefined {
    const size = this.#items.length;
    if (size === 0) return undefined;
    const top = this.#items[0];
    this.#swap(0, size - 1);
    this.#items.pop();
    this.#keys.pop();
    this.#order.pop();
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let largest = parent;
      if (left < this.#items.length && this.#above(left, largest)) largest = left;
      if (right < this.#items.length && this.#above(right, largest)) largest = right;
      if (largest === parent) break;
      this.#swap(parent, largest);
      parent = largest;
    }
    return top;
  }

  #above(a: number, b: number): boolean {
    const keys = this.#keys;
    return keys[a] > keys[b] || (keys[a] === keys[b] && this.#order[a] < this.#order[b]);
  }

  #swap(a: number, b: number): void {
    [this.#items[a], this.#items[b]] = [this.#items[b], this.#items[a]];
    [this.#keys[a], this.#keys[b]] = [this.#keys[b], this.#keys[a]];
    [this.#order[a], this.#order[b]] = [this.#order[b], this.#order[a]];
  }
}
