/**
 * Measurement columns that grow in fixed-size chunks instead of doubling.
 * Doubling a 10-million-row column briefly holds the old and the new array
 * plus up to half of it unused; chunks waste at most one chunk, and the
 * final exact-size arrays are assembled one column at a time, so the peak
 * is about the final cohort plus one column (DESIGN §5 puts a byte budget
 * on each measurement).
 */
import type { Measurements } from './cohort.js';

/** Rows per chunk: 64 Ki rows are about 1.2 MB across the five columns. */
const CHUNK_ROWS = 1 << 16;

type ColumnArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

/** One column: full chunks plus the chunk being filled. */
class ChunkedColumn<T extends ColumnArray> {
  readonly full: T[] = [];

  constructor(
    public current: T,
    private readonly create: (length: number) => T,
  ) {}

  nextChunk(): void {
    this.full.push(this.current);
    this.current = this.create(CHUNK_ROWS);
  }

  /** The first `length` values as one exact-size array; the chunks are released. */
  finish(length: number): T {
    const out = this.create(length);
    let at = 0;
    for (const chunk of this.full) {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.set(this.current.subarray(0, length - at), at);
    this.full.length = 0;
    this.current = this.create(0);
    return out;
  }
}

/** Appends measurements column-wise; `finish` hands them over as a `Measurements`. */
export class MeasurementColumns {
  private readonly child = column((n) => new Uint32Array(n));
  private readonly ageDays = column((n) => new Int32Array(n));
  private readonly kind = column((n) => new Uint8Array(n));
  private readonly value = column((n) => new Float64Array(n));
  private readonly estimated = column((n) => new Uint8Array(n));
  private fill = 0;
  private rows = 0;

  /** Number of measurements appended. */
  get length(): number {
    return this.rows;
  }

  /** Appends one measurement (value in SI units, estimated 1 or 0). */
  push(child: number, ageDays: number, kind: number, value: number, estimated: number): void {
    if (this.fill === CHUNK_ROWS) this.nextChunk();
    const i = this.fill;
    this.child.current[i] = child;
    this.ageDays.current[i] = ageDays;
    this.kind.current[i] = kind;
    this.value.current[i] = value;
    this.estimated.current[i] = estimated;
    this.fill = i + 1;
    this.rows += 1;
  }

  /** The columns, exact size. Call once: the chunks are released as it goes. */
  finish(): Measurements {
    const n = this.rows;
    return {
      child: this.child.finish(n),
      ageDays: this.ageDays.finish(n),
      kind: this.kind.finish(n),
      value: this.value.finish(n),
      estimated: this.estimated.finish(n),
    };
  }

  private nextChunk(): void {
    this.child.nextChunk();
    this.ageDays.nextChunk();
    this.kind.nextChunk();
    this.value.nextChunk();
    this.estimated.nextChunk();
    this.fill = 0;
  }
}

function column<T extends ColumnArray>(create: (length: number) => T): ChunkedColumn<T> {
  return new ChunkedColumn(create(CHUNK_ROWS), create);
}
