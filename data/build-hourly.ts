// Builds the hourly grid-intensity tables from data/raw/grid-hourly into data/built/hourly.ts (facts per
// zone-year) and data/built/hourly-series.bin.gz (the hours, read at run time from disk or the assets binding).
// Offline and deterministic: no clock, no network, sorted output; every row is validated with the zod
// schemas of src/core/hourly.ts and a bad raw row throws naming its file and line.
// Usage: `npm run data:build:hourly` (= `tsx data/build-hourly.ts`). Tests call buildHourlyTables().
//
// Inputs (Electricity Maps, ODbL 1.0; see data/raw/SOURCES.md):
//   electricitymaps_2021_2024/em_hourly_{2021..2024}_lifecycle.csv  16–19 zones per year (HPE green-dcc,
//     plus BR / ES / NO 2021–2023 from umassos), with em_hourly_zone_year_summary.csv (EM estimation info)
//   electricitymaps_2022_123zones/em_hourly_2022_lifecycle_123zones.csv  123 zones, 2022, older download
// Where both have a zone for 2022, the 2021–2024 files win (newer data vintage).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  daysFromCivil,
  gramGrid,
  HOURLY_SERIES_FORMAT,
  HourlyZoneYear,
  TYPICAL_PROFILE_LENGTH,
  TypicalProfileRow,
} from '../src/core/hourly.ts';
import { Source } from '../src/core/tables.ts';
import { byKey, cell, type Origin, readCsv, reqNum, rowError, validateRow } from './build/csv.ts';
import { fillGaps } from './build-hourly/gaps.ts';
import { HOURLY_SOURCES, SOURCE_BY_REPO } from './build-hourly/sources.ts';
import { encodeIndexChanges, encodeTypical, quantizeHours } from './build-hourly/series-file.ts';
import { readWide, type WideTable } from './build-hourly/wide.ts';

export { fillGaps, MAX_SHORT_GAP_HOURS, MIN_COVERAGE } from './build-hourly/gaps.ts';

/**
 * Gram grid of the hourly series (src/core/hourly.ts): 1 g steps below 100 g, then steps of ~2 % of the
 * value, so every index of today's data (up to ~1,100 g) fits one byte.
 */
export const HOURLY_GRID_DIVISOR = 50;
/** The series file, gzipped as committed and served. */
export const HOURLY_SERIES_FILE = 'hourly-series.bin.gz';
/** The files this build writes into data/built. */
export const HOURLY_OUTPUTS = ['hourly.ts', HOURLY_SERIES_FILE] as const;
/** At least this share of a zone-year's hours estimated by Electricity Maps -> `estimated: true`. */
export const ESTIMATED_SHARE = 0.5;

const DIR_NEW = 'grid-hourly/electricitymaps_2021_2024';
const DIR_123 = 'grid-hourly/electricitymaps_2022_123zones';
export const HOURLY_FILES = {
  newer: (year: number) => `${DIR_NEW}/em_hourly_${year}_lifecycle.csv`,
  newerYears: [2021, 2022, 2023, 2024] as const,
  summary: `${DIR_NEW}/em_hourly_zone_year_summary.csv`,
  trace123: `${DIR_123}/em_hourly_2022_lifecycle_123zones.csv`,
  trace123Year: 2022,
  zones123: `${DIR_123}/zones_123.csv`,
};

const BUILT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'built');

interface Estimation {
  hours: number;
  methods: string | null;
}

interface Candidate {
  zone: string;
  year: number;
  cells: (number | null)[];
  source: string;
  at: Origin;
  estimation: Estimation | null;
}

export interface DroppedZoneYear {
  zone: string;
  year: number;
  coverage: number;
  longGapHours: number;
  source: string;
}

export interface HourlyBuild {
  zoneYears: HourlyZoneYear[];
  /** Grid indices of each zone-year's hours, in zoneYears order. */
  indices: Int32Array[];
  typical: (TypicalProfileRow & { values: number[] })[];
  dropped: DroppedZoneYear[];
  /** Zones whose 2022 row comes from the 2021–2024 files although the 123-zone trace has them too. */
  superseded2022: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

interface SummaryRow {
  at: Origin;
  rows: number;
  nonEmpty: number;
  mean: number;
  estimation: Estimation;
  source: string;
}

function readSummary(): Map<string, SummaryRow> {
  const out = new Map<string, SummaryRow>();
  for (const row of readCsv(HOURLY_FILES.summary)) {
    const key = `${cell(row, 'zone')}:${reqNum(row, 'year')}`;
    if (out.has(key)) throw rowError(row, `duplicate zone-year ${key}`);
    const repo = cell(row, 'source_repo');
    const source = SOURCE_BY_REPO[repo];
    if (!source) throw rowError(row, `unknown source_repo "${repo}"`);
    const hours = reqNum(row, 'estimated_hours');
    if (!Number.isInteger(hours) || hours < 0)
      throw rowError(row, `estimated_hours must be a whole number: ${hours}`);
    out.set(key, {
      at: row,
      rows: reqNum(row, 'rows'),
      nonEmpty: reqNum(row, 'lifecycle_non_empty'),
      mean: reqNum(row, 'lifecycle_mean'),
      estimation: { hours, methods: cell(row, 'estimation_methods') || null },
      source,
    });
  }
  return out;
}

/** The 2021–2024 files, each column checked against its summary row (rows, non-empty count, mean). */
function newerCandidates(summary: Map<string, SummaryRow>): Candidate[] {
  const out: Candidate[] = [];
  for (const year of HOURLY_FILES.newerYears) {
    const table = readWide(HOURLY_FILES.newer(year), year);
    for (const zone of table.zones) {
      const cells = table.columns.get(zone)!;
      const s = summary.get(`${zone}:${year}`);
      const at = { file: table.file, line: 1 };
      if (!s)
        throw rowError(
          at,
          `column "${zone}" has no row for ${year} in data/raw/${HOURLY_FILES.summary}`,
        );
      const known = cells.filter((v): v is number => v !== null);
      const mean = known.reduce((a, b) => a + b, 0) / (known.length || 1);
      if (
        s.rows !== cells.length ||
        s.nonEmpty !== known.length ||
        Math.abs(s.mean - mean) > 0.051
      ) {
        throw rowError(
          s.at,
          `summary disagrees with ${table.file} column ${zone}: rows ${s.rows}/${cells.length}, non-empty ${s.nonEmpty}/${known.length}, mean ${s.mean}/${round1(mean)}`,
        );
      }
      out.push({ zone, year, cells, source: s.source, at, estimation: s.estimation });
    }
  }
  return out;
}

/** The 2022 123-zone trace; its zone list must match zones_123.csv. */
function trace123Candidates(): Candidate[] {
  const table: WideTable = readWide(HOURLY_FILES.trace123, HOURLY_FILES.trace123Year);
  const listed = readCsv(HOURLY_FILES.zones123).map((r) => cell(r, 'zone'));
  const a = [...listed].sort().join(',');
  const b = [...table.zones].sort().join(',');
  if (a !== b)
    throw new Error(
      `data/raw/${HOURLY_FILES.zones123}: zone list differs from the columns of ${table.file}`,
    );
  return table.zones.map((zone) => ({
    zone,
    year: table.year,
    cells: table.columns.get(zone)!,
    source: 'em-hourly-umassos-123',
    at: { file: table.file, line: 1 },
    estimation: null, // the trace carries no estimation flags
  }));
}

/** Month (0-11) × UTC hour means of one year, whole grams. */
export function typicalValues(year: number, values: readonly number[]): number[] {
  const sums = new Float64Array(TYPICAL_PROFILE_LENGTH);
  const counts = new Float64Array(TYPICAL_PROFILE_LENGTH);
  const jan1 = daysFromCivil(year, 1, 1);
  let month = 0;
  let nextMonthHour = (daysFromCivil(year, 2, 1) - jan1) * 24;
  values.forEach((v, i) => {
    while (i >= nextMonthHour) {
      month++;
      nextMonthHour = month === 11 ? Infinity : (daysFromCivil(year, month + 2, 1) - jan1) * 24;
    }
    const slot = month * 24 + (i % 24);
    sums[slot]! += v;
    counts[slot]! += 1;
  });
  return Array.from(sums, (s, i) => Math.round(s / counts[i]!));
}

/** Pure: parses data/raw/grid-hourly and returns the rows. */
export function buildHourly(): HourlyBuild {
  const newer = newerCandidates(readSummary());
  const newerKeys = new Set(newer.map((c) => `${c.zone}:${c.year}`));
  const trace = trace123Candidates();
  const superseded2022 = trace
    .filter((c) => newerKeys.has(`${c.zone}:${c.year}`))
    .map((c) => c.zone)
    .sort();
  const candidates = [...newer, ...trace.filter((c) => !newerKeys.has(`${c.zone}:${c.year}`))].sort(
    byKey((c) => `${c.zone}\u0000${c.year}`),
  );

  const zoneYears: HourlyZoneYear[] = [];
  const indices: Int32Array[] = [];
  const grid = gramGrid(HOURLY_GRID_DIVISOR);
  const dropped: DroppedZoneYear[] = [];
  const filledByKey = new Map<string, number[]>();
  for (const c of candidates) {
    const gaps = fillGaps(c.cells);
    if (!gaps.values) {
      dropped.push({
        zone: c.zone,
        year: c.year,
        coverage: Math.round(gaps.coverage * 1000) / 1000,
        longGapHours: gaps.longGapHours,
        source: c.source,
      });
      continue;
    }
    const values = gaps.values;
    filledByKey.set(`${c.zone}:${c.year}`, values);
    const estimatedHours = c.estimation?.hours ?? null;
    zoneYears.push(
      validateRow(
        HourlyZoneYear,
        {
          zone: c.zone,
          year: c.year,
          hours: values.length,
          meanG: round1(values.reduce((a, b) => a + b, 0) / values.length),
          minG: round1(Math.min(...values)),
          maxG: round1(Math.max(...values)),
          filledHours: gaps.filledHours,
          estimated:
            estimatedHours === null ? null : estimatedHours >= ESTIMATED_SHARE * values.length,
          estimatedHours,
          estimationMethods: c.estimation?.methods ?? null,
          source: c.source,
        },
        c.at,
      ),
    );
    indices.push(quantizeHours(values, grid));
  }

  const latest = new Map<string, HourlyZoneYear>();
  for (const r of zoneYears) if ((latest.get(r.zone)?.year ?? -1) < r.year) latest.set(r.zone, r);
  const typical = [...latest.values()].map((r) => ({
    ...validateRow(
      TypicalProfileRow,
      { zone: r.zone, year: r.year },
      { file: `data/built/hourly.ts (typical ${r.zone})`, line: 1 },
    ),
    values: typicalValues(r.year, filledByKey.get(`${r.zone}:${r.year}`)!),
  }));
  return { zoneYears, indices, typical, dropped, superseded2022 };
}

const GENERATED = 'generated by data/build-hourly.ts from data/raw/grid-hourly — do not edit';
const LICENCE =
  'Licence: ODbL 1.0. Contains data from Electricity Maps (electricitymaps.com); this derived table is shared under ODbL 1.0.';

function render(build: HourlyBuild): string {
  const sources = HOURLY_SOURCES.map((s, i) =>
    validateRow(Source, s, { file: 'data/build-hourly/sources.ts', line: i + 1 }),
  );
  const known = new Set(sources.map((s) => s.id));
  for (const r of build.zoneYears)
    if (!known.has(r.source))
      throw new Error(`source id "${r.source}" is not in data/build-hourly/sources.ts`);
  const filled = build.zoneYears.reduce((a, r) => a + r.filledHours, 0);
  const lines = (rows: readonly unknown[]) => rows.map((r) => `  ${JSON.stringify(r)},`);
  return [
    `// ${GENERATED}`,
    `// ${LICENCE}`,
    '// Hourly lifecycle intensity, gCO2e/kWh, per zone and year, UTC hour-beginning (index 0 = Jan 1 00:00Z).',
    `// The hours themselves are in ${HOURLY_SERIES_FILE} (layout: src/core/hourly.ts), in the order of the rows below;`,
    `// gram grid divisor ${HOURLY_GRID_DIVISOR} (1 g steps below 100 g, then ~2 % steps), with error diffusion (sums over any run`,
    '// of hours within one grid step of the source). meanG/minG/maxG: source values.',
    `// Zone-years by year: ${countsByYear(build.zoneYears)}. Filled hours (gaps, linear interpolation): ${filled}.`,
    `// Dropped (a gap over 6 h and under 95 % coverage): ${build.dropped.length === 0 ? 'none' : build.dropped.map((d) => `${d.zone} ${d.year}`).join(', ')}.`,
    `// 2022 from the 2021–2024 files (newer download) rather than the 123-zone trace: ${build.superseded2022.join(', ')}.`,
    "import type { HourlyZoneYear, TypicalProfileRow } from '../../src/core/hourly.ts';",
    "import type { Source } from '../../src/core/tables.ts';",
    '',
    `export const hourlySeriesFile = ${JSON.stringify(HOURLY_SERIES_FILE)};`,
    `export const hourlyGridDivisor = ${HOURLY_GRID_DIVISOR};`,
    '',
    'export const hourlySources: readonly Source[] = [',
    ...lines(sources),
    '];',
    '',
    'export const hourlyDropped: readonly { zone: string; year: number; coverage: number; longGapHours: number; source: string }[] = [',
    ...lines(build.dropped),
    '];',
    '',
    'export const hourlyZoneYears: readonly HourlyZoneYear[] = [',
    ...lines(build.zoneYears),
    '];',
    '',
    '/** Month × UTC hour means of the latest year per zone (288 whole grams each, after the hours in the series file). */',
    'export const typicalProfiles: readonly TypicalProfileRow[] = [',
    ...lines(build.typical.map(({ zone, year }) => ({ zone, year }))),
    '];',
    '',
  ].join('\n');
}

/** The series file before gzip: text header, then the hours of every zone-year, then the typical profiles. */
function renderSeries(build: HourlyBuild): Uint8Array {
  const header = [
    HOURLY_SERIES_FORMAT,
    GENERATED,
    LICENCE,
    `Zone-years and typical profiles in the order of data/built/hourly.ts; gram grid divisor ${HOURLY_GRID_DIVISOR}; layout: src/core/hourly.ts.`,
    '',
    '',
  ].join('\n');
  const parts = [
    new TextEncoder().encode(header),
    ...build.indices.map(encodeIndexChanges),
    ...build.typical.map((t) => encodeTypical(t.values)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function countsByYear(rows: readonly { year: number }[]): string {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([y, n]) => `${y}: ${n}`)
    .join(', ');
}

export interface HourlyTablesBuild {
  /** data/built/hourly.ts */
  table: string;
  /** data/built/hourly-series.bin.gz before gzip (gzip bytes depend on the zlib version, the payload does not). */
  series: Uint8Array;
}

/** Pure: parses data/raw/grid-hourly and returns both outputs. Writes nothing. */
export function buildHourlyTables(): HourlyTablesBuild {
  const build = buildHourly();
  return { table: render(build), series: renderSeries(build) };
}

/** Writes the built files; only when this module is run as a script. */
async function main(): Promise<void> {
  const { gzipSync } = await import('node:zlib');
  mkdirSync(BUILT_DIR, { recursive: true });
  const build = buildHourly();
  const table = render(build);
  const series = renderSeries(build);
  const gz = gzipSync(series, { level: 9 });
  writeFileSync(join(BUILT_DIR, 'hourly.ts'), table);
  writeFileSync(join(BUILT_DIR, HOURLY_SERIES_FILE), gz);
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `data/built/hourly.ts: ${kib(table.length)}, ${kib(gzipSync(table, { level: 9 }).length)} gzip`,
  );
  console.log(
    `data/built/${HOURLY_SERIES_FILE}: ${kib(series.length)} raw, ${kib(gz.length)} gzip`,
  );
  console.log(
    `zone-years: ${countsByYear(build.zoneYears)}; typical profiles: ${build.typical.length}`,
  );
  console.log(
    `filled hours: ${build.zoneYears.reduce((a, r) => a + r.filledHours, 0)}; dropped: ${build.dropped.length}`,
  );
  console.log(`2022 superseded by the 2021–2024 files: ${build.superseded2022.join(' ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
