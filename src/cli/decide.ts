// `gridshift compare` and `gridshift suggest`: the workload flags plus the request's own options.
import { compare, suggest, type CompareResult, type SuggestResult } from '../index.ts';
import { COMMON_OPTIONS, parseCommandArgs, readValue, type Options } from './args.ts';
import { outputFormat } from './estimate.ts';
import type { CliIo } from './io.ts';
import { formatNumber } from './output.ts';
import { WORKLOAD_OPTIONS, workloadFlagsHelp, workloadFromFlags } from './workload-flags.ts';

const REGION_OPTIONS = {
  provider: { type: 'string' },
  country: { type: 'string' },
  continent: { type: 'string' },
  'region-ids': { type: 'string' },
  'rank-by': { type: 'string' },
  top: { type: 'string' },
} as const satisfies Options;

const REGION_HELP = `  --provider         candidate regions' providers (aws,gcp,azure)
  --country          candidate countries (DE,FR)
  --continent        candidate continents (Europe)
  --region-ids       candidate region ids (aws:eu-north-1,gcp:europe-west9)
  --rank-by          location (default) | market
  --top              how many to show`;

const OUTPUT_HELP = `Output:
  --format, -f       table (default) | json
  --json             same as --format json
  --help, -h         this help

Exit codes: 0 done, 2 bad input (the same messages as the API's problem+json), 1 other failure.`;

export const COMPARE_HELP = `Usage: gridshift compare [flags]

One workload over candidate regions (and alternative GPUs), ranked by kgCO2e, as POST /v1/compare.

Example:
  gridshift compare --gpu h100-sxm --count 8 --hours 36 --region aws:us-east-1 --provider aws --top 5

Candidates:
${REGION_HELP}
  --alt-gpu          alternative GPUs, evaluated at their throughput (a100-sxm4,h200-sxm)
  --baseline         savings are measured from this region (default: the workload's)

Workload:
${workloadFlagsHelp()}

${OUTPUT_HELP}
`;

export const SUGGEST_HELP = `Usage: gridshift suggest [flags]

Lower-carbon options for one workload — region, start time, hardware — with their savings, as POST /v1/suggest.

Example:
  gridshift suggest --gpu h100-sxm --count 8 --hours 36 --region aws:us-east-1 --delay-hours 24

Options:
${REGION_HELP}
  --delay-hours      how long the start may move (hours)
  --deadline         or: when the job must have finished (ISO 8601 with offset)
  --offset-price     price of offsetting a tonne CO2e (prices what is left)

Workload:
${workloadFlagsHelp()}

${OUTPUT_HELP}
`;

/** `a,b` -> `['a','b']`; undefined stays undefined. */
const list = (text: unknown) =>
  typeof text === 'string'
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const numberOrText = (text: unknown) => (typeof text === 'string' ? readValue(text) : undefined);

function regionsOf(values: Record<string, unknown>) {
  const regions = {
    provider: list(values.provider),
    country: list(values.country),
    continent: list(values.continent),
    ids: list(values['region-ids']),
  };
  return Object.values(regions).some((v) => v !== undefined) ? dropUndefined(regions) : undefined;
}

function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function runCompare(argv: readonly string[], io: CliIo): number {
  const options = {
    ...COMMON_OPTIONS,
    ...WORKLOAD_OPTIONS,
    ...REGION_OPTIONS,
    'alt-gpu': { type: 'string' },
    baseline: { type: 'string' },
  } as const;
  const { values } = parseCommandArgs(argv, options);
  if (values.help) return (io.stdout(COMPARE_HELP), 0);
  const format = outputFormat(values, ['table', 'json']);
  const request = dropUndefined({
    workload: workloadFromFlags(values, io.readText),
    regions: regionsOf(values),
    hardware: list(values['alt-gpu']),
    baseline: values.baseline,
    top: numberOrText(values.top),
    rankBy: values['rank-by'],
  });
  const result = compare(request as Parameters<typeof compare>[0]);
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderCompare(result));
  return 0;
}

export function runSuggest(argv: readonly string[], io: CliIo): number {
  const options = {
    ...COMMON_OPTIONS,
    ...WORKLOAD_OPTIONS,
    ...REGION_OPTIONS,
    'delay-hours': { type: 'string' },
    deadline: { type: 'string' },
    'offset-price': { type: 'string' },
  } as const;
  const { values } = parseCommandArgs(argv, options);
  if (values.help) return (io.stdout(SUGGEST_HELP), 0);
  const format = outputFormat(values, ['table', 'json']);
  const flexibility = dropUndefined({
    delayHours: numberOrText(values['delay-hours']),
    deadline: values.deadline,
  });
  const request = dropUndefined({
    workload: workloadFromFlags(values, io.readText),
    regions: regionsOf(values),
    flexibility: Object.keys(flexibility).length > 0 ? flexibility : undefined,
    top: numberOrText(values.top),
    rankBy: values['rank-by'],
    offsetPricePerTonne: numberOrText(values['offset-price']),
  });
  const result = suggest(request as Parameters<typeof suggest>[0]);
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderSuggest(result));
  return 0;
}

function renderCompare(r: CompareResult): string {
  const rows = r.top.map((row) => [
    String(row.rank),
    row.regionId,
    row.hardware ?? '',
    formatNumber(row.intensityGCo2ePerKwh),
    formatNumber(row.emissionsKgCo2e.total),
    `${formatNumber(row.emissionsKgCo2e.low)}–${formatNumber(row.emissionsKgCo2e.high)}`,
    `${formatNumber(row.savingPct)} %`,
  ]);
  const head = ['#', 'region', 'gpu', 'gCO2e/kWh', 'kgCO2e', 'range', 'saving'];
  return (
    [
      `Baseline ${r.baseline.location}${r.baseline.hardware ? ` on ${r.baseline.hardware}` : ''}: ${formatNumber(r.baseline.kgCo2e)} kgCO2e (${r.rankBy}-based); ${r.count} candidates`,
      '',
      ...table(head, rows),
      ...(r.skipped.length > 0
        ? ['', `Skipped: ${r.skipped.map((s) => `${s.regionId} (${s.code})`).join(', ')}`]
        : []),
      '',
      'Assumptions:',
      ...r.assumptions.map((a) => `  - ${a}`),
    ].join('\n') + '\n'
  );
}

function renderSuggest(r: SuggestResult): string {
  const kinds = [
    ['Region', r.region],
    ['Start time', r.time],
    ['Hardware', r.hardware],
  ] as const;
  const lines = [
    `As given (${r.asGiven.location}): ${formatNumber(r.asGiven.kgCo2e)} kgCO2e (${r.rankBy}-based), ${formatNumber(r.asGiven.energyKwh)} kWh`,
    '',
  ];
  for (const [title, options] of kinds) {
    if (options.length === 0) continue;
    lines.push(
      `${title}:`,
      ...table(
        ['option', 'kgCO2e', 'saved', ''],
        options.map((o) => [
          o.label,
          formatNumber(o.emissionsKgCo2e.total),
          `${formatNumber(o.kgCo2eSaved)} kg`,
          `${formatNumber(o.pctSaved)} %`,
        ]),
      ),
      '',
    );
  }
  const b = r.best;
  lines.push(
    `Best combined: ${
      Object.entries(b.change)
        .map(([k, v]) => `${k} ${typeof v === 'number' ? formatNumber(v) : String(v)}`)
        .join(', ') || 'as given'
    } -> ${formatNumber(b.emissionsKgCo2e.total)} kgCO2e, saves ${formatNumber(b.kgCo2eSaved)} kg (${formatNumber(b.pctSaved)} %); ${formatNumber(b.leftKgCo2e)} kg left${b.offsetCost === null ? '' : `, offset cost ${formatNumber(b.offsetCost)}`}`,
  );
  if (r.notes.length > 0) lines.push('', 'Notes:', ...r.notes.map((n) => `  - ${n}`));
  lines.push('', 'Assumptions:', ...r.assumptions.map((a) => `  - ${a}`));
  return `${lines.join('\n')}\n`;
}

/** Left-aligned text columns, right-aligned numbers, two spaces apart. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = head.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,–% kg]*$/.test(r[i] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()}`;
  return [line(head), ...rows.map(line)];
}
