// Synthetic FOCUS bills for the benchmarks: N rows made from the sample's own row shapes (its 1,000
// rows in turn), each with a unique Id and its quantities and costs scaled by a seeded factor, so the
// mapping sees the sample's mix of services, units, regions and NULLs at any size.
import Papa from 'papaparse';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The FOCUS 1.0 sample (FinOps Foundation, CC BY 4.0), in data/raw/focus. */
export const FOCUS_SAMPLE = fileURLToPath(
  new URL('../../data/raw/focus/focus-1.0-sample-1000.csv', import.meta.url),
);

const SCALED = ['ConsumedQuantity', 'PricingQuantity', 'BilledCost', 'EffectiveCost', 'ListCost'];

/** The sample's header and rows. */
export function readSample(path = FOCUS_SAMPLE): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header: header!, rows };
}

/** Writes `rows` synthetic rows (plus the header) to `out`; resolves with the bytes written. */
export async function writeSyntheticFocusCsv(
  out: string,
  rows: number,
  sample = readSample(),
): Promise<number> {
  const { header } = sample;
  const idAt = header.indexOf('Id');
  const scaled = SCALED.map((name) => header.indexOf(name)).filter((i) => i >= 0);
  const file = createWriteStream(out);
  let bytes = 0;
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: the same file on every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  let text = header.map(quote).join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    const cells = [...sample.rows[i % sample.rows.length]!];
    if (idAt >= 0) cells[idAt] = String(i + 1);
    const factor = 0.5 + random() * 1.5;
    for (const at of scaled) {
      const value = Number(cells[at]);
      if (cells[at] !== 'NULL' && cells[at] !== '' && Number.isFinite(value))
        cells[at] = (value * factor).toPrecision(8);
    }
    text += cells.map(quote).join(',') + '\n';
    if (text.length > 1 << 20) {
      bytes += Buffer.byteLength(text);
      if (!file.write(text)) await once(file, 'drain');
      text = '';
    }
  }
  bytes += Buffer.byteLength(text);
  file.end(text);
  await once(file, 'finish');
  return bytes;
}

/** As the sample writes cells: NULL and numbers bare, text quoted. */
function quote(cell: string): string {
  if (cell === 'NULL' || (cell !== '' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell))) return cell;
  return `"${cell.replace(/"/g, '""')}"`;
}
