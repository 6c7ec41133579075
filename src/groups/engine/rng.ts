/**
 * sfc32, a small fast generator with 128 bits of state: the engine needs its own
 * seeded generator so that one seed always gives the same search.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = (seed | 0) ^ Math.floor(seed / 0x100000000);
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform integer in 0 … k−1 (k ≥ 1). */
  int(k: number): number {
    return Math.floor((this.next() / 0x100000000) * k);
  }

  /** A uniform number in [0, 1). */
  float(): number {
    return this.next() / 0x100000000;
  }

  shuffle(list: Int32Array, length = list.length): void {
    for (let i = length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
  }
}
