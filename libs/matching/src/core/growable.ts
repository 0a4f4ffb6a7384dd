type TypedArray = Int32Array | Float64Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** An append-only typed array that doubles when full; `done()` trims it to its length. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    initial = 1024,
  ) {
    this.data = new make(initial);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
