// A small Parquet writer for the factor tables (a few thousand rows): one row group, one PLAIN,
// uncompressed data page per column; INT64 where every cell is an integer, DOUBLE where every cell
// is a number, else UTF-8 text; an empty cell is NULL (as DuckDB reads the same CSV). Format: apache/parquet-format, with the
// metadata in Thrift's compact protocol.

type Column = { name: string; present: boolean[]; optional: boolean } & (
  | { kind: 'int64'; values: bigint[] }
  | { kind: 'double'; values: number[] }
  | { kind: 'text'; values: string[] }
);

const PARQUET_TYPE = { int64: 2, double: 5, text: 6 } as const;
const MAGIC = new TextEncoder().encode('PAR1');

/** A table (header and rows of text cells, as read from CSV) as the bytes of a Parquet file. */
export function toParquet(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Uint8Array {
  const columns = header.map((name, i) =>
    typedColumn(
      name,
      rows.map((r) => r[i] ?? ''),
    ),
  );
  const parts: Uint8Array[] = [MAGIC];
  let offset = MAGIC.length;
  const chunks = columns.map((column) => {
    const data = column.optional
      ? concat([definitionLevels(column.present), plainValues(column)])
      : plainValues(column);
    const page = new Thrift()
      .i32(1, 0)
      .i32(2, data.length)
      .i32(3, data.length)
      .struct(5, (t) => t.i32(1, rows.length).i32(2, 0).i32(3, 3).i32(4, 3))
      .end();
    const start = offset;
    parts.push(page, data);
    offset += page.length + data.length;
    return { column, start, size: page.length + data.length };
  });
  const meta = new Thrift()
    .i32(1, 1)
    .list(2, columns.length + 1, (t, i) =>
      i === 0 ? t.string(4, 'schema').i32(5, columns.length) : schemaElement(t, columns[i - 1]!),
    )
    .i64(3, rows.length)
    .list(4, 1, (t) =>
      t
        .list(1, chunks.length, (c, i) => {
          const { column, start, size } = chunks[i]!;
          return c
            .i64(2, start)
            .struct(3, (m) =>
              m
                .i32(1, PARQUET_TYPE[column.kind])
                .i32List(2, [0, 3])
                .stringList(3, [column.name])
                .i32(4, 0)
                .i64(5, rows.length)
                .i64(6, size)
                .i64(7, size)
                .i64(9, start),
            );
        })
        .i64(2, offset - MAGIC.length)
        .i64(3, rows.length),
    )
    .string(6, 'gridshift')
    .end();
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, meta.length, true);
  parts.push(meta, length, MAGIC);
  return concat(parts);
}

function schemaElement(t: Thrift, column: Column): Thrift {
  t.i32(1, PARQUET_TYPE[column.kind])
    .i32(3, column.optional ? 1 : 0)
    .string(4, column.name);
  return column.kind === 'text' ? t.i32(6, 0) : t;
}

function typedColumn(name: string, cells: readonly string[]): Column {
  const present = cells.map((c) => c !== '');
  const given = cells.filter((c) => c !== '');
  const base = { name, present, optional: given.length < cells.length };
  const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
  if (given.length > 0 && given.every((c) => /^-?\d{1,18}$/.test(c)))
    return { ...base, kind: 'int64', values: given.map((c) => BigInt(c)) };
  if (given.length > 0 && given.every((c) => number.test(c)))
    return { ...base, kind: 'double', values: given.map(Number) };
  return { ...base, kind: 'text', values: given };
}

/** Definition levels (0 = NULL, 1 = a value) in the RLE hybrid encoding, runs only, length first. */
function definitionLevels(present: readonly boolean[]): Uint8Array {
  const runs: number[] = [];
  for (let i = 0; i < present.length;) {
    let end = i;
    while (end < present.length && present[end] === present[i]) end++;
    runs.push(...varint((end - i) << 1), present[i] ? 1 : 0);
    i = end;
  }
  const out = new Uint8Array(4 + runs.length);
  new DataView(out.buffer).setUint32(0, runs.length, true);
  out.set(runs, 4);
  return out;
}

function varint(n: number): number[] {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
}

function plainValues(column: Column): Uint8Array {
  if (column.kind === 'text') {
    const encoded = column.values.map((v) => new TextEncoder().encode(v));
    const out = new Uint8Array(encoded.reduce((n, b) => n + 4 + b.length, 0));
    const view = new DataView(out.buffer);
    let at = 0;
    for (const bytes of encoded) {
      view.setUint32(at, bytes.length, true);
      out.set(bytes, at + 4);
      at += 4 + bytes.length;
    }
    return out;
  }
  const out = new Uint8Array(column.values.length * 8);
  const view = new DataView(out.buffer);
  column.values.forEach((v, i) =>
    typeof v === 'bigint' ? view.setBigInt64(i * 8, v, true) : view.setFloat64(i * 8, v, true),
  );
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Thrift compact protocol, the subset Parquet's metadata needs. */
class Thrift {
  private bytes: number[] = [];
  private lastField = 0;

  i32(field: number, value: number): this {
    return this.header(field, 5).varint(zigzag(BigInt(value)));
  }
  i64(field: number, value: number): this {
    return this.header(field, 6).varint(zigzag(BigInt(value)));
  }
  string(field: number, value: string): this {
    return this.header(field, 8).binary(value);
  }
  struct(field: number, body: (t: this) => this): this {
    this.header(field, 12);
    return this.nested(body);
  }
  list(field: number, size: number, item: (t: this, i: number) => this): this {
    this.header(field, 9).listHeader(size, 12);
    for (let i = 0; i < size; i++) this.nested((t) => item(t, i));
    return this;
  }
  i32List(field: number, values: readonly number[]): this {
    this.header(field, 9).listHeader(values.length, 5);
    for (const v of values) this.varint(zigzag(BigInt(v)));
    return this;
  }
  stringList(field: number, values: readonly string[]): this {
    this.header(field, 9).listHeader(values.length, 8);
    for (const v of values) this.binary(v);
    return this;
  }
  end(): Uint8Array {
    return Uint8Array.from([...this.bytes, 0]);
  }

  private nested(body: (t: this) => this): this {
    const outer = this.lastField;
    this.lastField = 0;
    body(this);
    this.bytes.push(0);
    this.lastField = outer;
    return this;
  }
  private header(field: number, type: number): this {
    const delta = field - this.lastField;
    if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
    else {
      this.bytes.push(type);
      this.varint(zigzag(BigInt(field)));
    }
    this.lastField = field;
    return this;
  }
  private listHeader(size: number, type: number): this {
    if (size < 15) this.bytes.push((size << 4) | type);
    else {
      this.bytes.push(0xf0 | type);
      this.varint(BigInt(size));
    }
    return this;
  }
  private binary(value: string): this {
    const bytes = new TextEncoder().encode(value);
    this.varint(BigInt(bytes.length));
    for (const b of bytes) this.bytes.push(b);
    return this;
  }
  private varint(value: bigint): this {
    let v = value;
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
    return this;
  }
}

function zigzag(n: bigint): bigint {
  return n >= 0n ? n << 1n : (-n << 1n) - 1n;
}
