import { mix32 } from './prng';

// Local aliases: inside Jest's vm sandbox every global lookup (Math, Date …) costs ~100x more.
const { floor, ceil, log2, imul } = Math;

/**
 * A keyed bijection on [0, size): a 4-round Feistel network over the next even power of two,
 * cycle-walking back into range. Gives unique-by-construction numbers (ID sequences, phones,
 * credit codes) for entity i without looking at any other entity.
 */
export class Permutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly keys: number[];

  constructor(
    readonly size: number,
    key: number,
  ) {
    if (!Number.isInteger(size) || size < 2 || size > 2 ** 52) throw new Error('Permutation: size out of range');
    let bits = ceil(log2(size));
    if (bits % 2) bits++;
    this.halfBits = bits / 2;
    this.halfMask = 2 ** this.halfBits - 1;
    this.keys = [1, 2, 3, 4].map((round) => mix32(key ^ imul(round, 0x9e3779b9)));
  }

  apply(x: number): number {
    if (!Number.isInteger(x) || x < 0 || x >= this.size) throw new Error(`Permutation: ${x} is outside [0, ${this.size})`);
    let y = x;
    do y = this.encrypt(y);
    while (y >= this.size);
    return y;
  }

  private encrypt(x: number): number {
    const scale = this.halfMask + 1;
    let left = floor(x / scale);
    let right = x % scale;
    for (const k of this.keys) {
      const next = (left ^ (mix32(right ^ k) & this.halfMask)) >>> 0;
      left = right;
      right = next;
    }
    return left * scale + right;
  }
}
