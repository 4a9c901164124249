// Parquet FOCUS exports for the CLI, read with hyparquet (pure JavaScript, no native build; chosen
// over DuckDB by measurement, see bench/focus.ts): one row group at a time, every value as the
// text a CSV export would hold, the column names first.
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

/** Rows of the file in batches (a row group each); the first batch starts with the header. `onBytes` hears each group's compressed size as it is read. */
export async function* readParquetRows(
  path: string,
  onBytes: (n: number) => void = () => undefined,
): AsyncGenerator<string[][]> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  yield [header];
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    await parquetRead({
      file,
      metadata,
      compressors,
      rowStart,
      rowEnd,
      rowFormat: 'array',
      onComplete: (data: unknown[][]) => void (rows = data),
    });
    onBytes(group.columns.reduce((n, c) => n + Number(c.meta_data?.total_compressed_size ?? 0), 0));
    yield rows.map((row) => row.map(cellText));
    rowStart = rowEnd;
  }
}

/** A value as a CSV cell: null empty, dates in ISO 8601, nested values as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
