// bench/RESULTS.md's writer: medians and spreads from given samples, targets marked met or missed,
// single measurements and unmeasured figures labelled. Formatting only; nothing here is timed.
import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  renderResults,
  status,
  summarise,
  type Figure,
  type RunInfo,
} from './results-md.ts';

const info: RunInfo = {
  date: '2025-01-02T03:04:05.000Z',
  machine: '2 × Test CPU, 7.8 GiB RAM',
  os: 'Linux 6.1.0 (x64)',
  node: 'v20.11.0',
  commit: 'abc1234',
  loadStart: '1.00 0.50 0.25',
  loadEnd: '2.00 1.50 1.25',
  wallSeconds: 412.6,
};

const atLeast3 = { op: '≥', value: 3, label: '≥ 3×' } as const;
const atMost1 = { op: '≤', value: 1, label: '≤ 1 ms' } as const;

/** The table row whose first cell is `name`, split into its cells. */
function cells(markdown: string, name: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${name} |`));
  if (!line) throw new Error(`no row ${name}`);
  return line.slice(2, -2).split(' | ');
}

describe('summarise', () => {
  it('takes the median, min and max of unsorted samples', () => {
    expect(
      summarise({ name: 'x', unit: '', digits: 0, how: '', samples: [5, 1, 9, 3, 7] }),
    ).toEqual({ value: 5, min: 1, max: 9, runs: 5 });
  });

  it('averages the middle two of an even count', () => {
    expect(
      summarise({ name: 'x', unit: '', digits: 0, how: '', samples: [4, 1, 3, 10] })?.value,
    ).toBe(3.5);
  });

  it('is null for a figure not measured or without samples', () => {
    expect(summarise({ name: 'x', unit: '', digits: 0, how: '', missing: 'no /proc' })).toBeNull();
    expect(summarise({ name: 'x', unit: '', digits: 0, how: '', samples: [] })).toBeNull();
  });
});

describe('status', () => {
  it('judges a ≥ target on the median, not on the best run', () => {
    expect(
      status({
        name: 'r',
        unit: '×',
        digits: 2,
        how: '',
        samples: [2.5, 2.9, 4],
        target: atLeast3,
      }),
    ).toBe('**missed**');
    expect(
      status({
        name: 'r',
        unit: '×',
        digits: 2,
        how: '',
        samples: [2.5, 3, 3.1],
        target: atLeast3,
      }),
    ).toBe('met');
  });

  it('judges a ≤ target, with the bound itself met', () => {
    expect(
      status({ name: 't', unit: 'ms', digits: 3, how: '', samples: [0.2, 1, 5], target: atMost1 }),
    ).toBe('met');
    expect(
      status({ name: 't', unit: 'ms', digits: 3, how: '', single: 1.01, target: atMost1 }),
    ).toBe('**missed**');
  });

  it('marks nothing without a target, or when the figure was not measured', () => {
    expect(status({ name: 'r', unit: '', digits: 0, how: '', samples: [1, 2, 3] })).toBe('');
    expect(
      status({ name: 'p', unit: 'KB', digits: 1, how: '', missing: 'no browser', target: atMost1 }),
    ).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(1234567.891, 0)).toBe('1,234,568');
    expect(formatNumber(0.0123, 4)).toBe('0.0123');
    expect(formatNumber(2, 2)).toBe('2.00');
    expect(formatNumber(Number.NaN, 1)).toBe('n/a');
  });
});

describe('renderResults', () => {
  const figures: Figure[] = [
    {
      name: 'engine ratio',
      unit: '×',
      digits: 2,
      how: 'per pass',
      samples: [3.2, 2.8, 3.6, 3.4, 3.1],
      target: atLeast3,
    },
    {
      name: 'rows',
      unit: 'rows/s',
      digits: 0,
      how: 'one pass | interleaved',
      samples: [1_500_000, 1_200_000, 1_800_000],
    },
    {
      name: 'window search',
      unit: 'ms',
      digits: 4,
      how: 'slices',
      samples: [1.2, 1.5, 1.1],
      target: atMost1,
    },
    {
      name: 'bundle',
      unit: 'KiB',
      digits: 1,
      how: 'single measurement (deterministic)',
      single: 512.25,
      target: { op: '≤', value: 1024, label: '≤ 1024 KiB' },
    },
    {
      name: 'page weight',
      unit: 'KB',
      digits: 1,
      how: 'single measurement (deterministic)',
      missing: 'chromium not installed',
    },
  ];
  const md = renderResults(info, figures);

  it('writes the run header: machine, OS, Node, date, commit, load at start and end', () => {
    expect(md).toContain('| Date | 2025-01-02T03:04:05.000Z |');
    expect(md).toContain('| Machine | 2 × Test CPU, 7.8 GiB RAM |');
    expect(md).toContain('| OS | Linux 6.1.0 (x64) |');
    expect(md).toContain('| Node | v20.11.0 |');
    expect(md).toContain('| Commit | abc1234 |');
    expect(md).toContain('at start 1.00 0.50 0.25; at end 2.00 1.50 1.25');
    expect(md).toContain('| Wall time of the run | 413 s |');
  });

  it('says how to reproduce and that figures move with load', () => {
    expect(md).toContain('To reproduce: `npm run bench`');
    expect(md).toMatch(/move with machine load/);
  });

  it('writes median, min–max, run count, target and mark per figure', () => {
    expect(cells(md, 'engine ratio')).toEqual([
      'engine ratio',
      '3.20 ×',
      '2.80–3.60',
      '5',
      '≥ 3×',
      'met',
      'per pass',
    ]);
    expect(cells(md, 'rows').slice(0, 4)).toEqual([
      'rows',
      '1,500,000 rows/s',
      '1,200,000–1,800,000',
      '3',
    ]);
    expect(cells(md, 'window search').slice(1, 6)).toEqual([
      '1.2000 ms',
      '1.1000–1.5000',
      '3',
      '≤ 1 ms',
      '**missed**',
    ]);
  });

  it('escapes pipes inside a cell so the row keeps its columns', () => {
    expect(md).toContain('one pass \\| interleaved');
  });

  it('labels single measurements and unmeasured figures instead of inventing a spread', () => {
    expect(cells(md, 'bundle').slice(1, 6)).toEqual([
      '512.3 KiB',
      'single measurement',
      '1',
      '≤ 1024 KiB',
      'met',
    ]);
    expect(cells(md, 'page weight').slice(1, 4)).toEqual([
      'not measured (chromium not installed)',
      '',
      '0',
    ]);
  });

  it('lists the missed targets under the table', () => {
    expect(md).toContain('Missed in this run: window search.');
    expect(renderResults(info, figures.slice(0, 2))).toContain(
      'Every figure with a target met it in this run.',
    );
  });
});
