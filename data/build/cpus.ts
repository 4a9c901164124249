// CPUs: codecarbon cpu_power.csv (Name, TDP) merged with Green Algorithms TDP_cpu.csv (TDP, n_cores)
// by name without vendor words. Threads per chip from CCF's AWS platform list (vCPUs per socket), else
// from the curated list (vendor spec pages), which also says which parts have SMT; otherwise unknown.
import { normalizeName, slugify } from '../../src/core/names.ts';
import { Cpu } from '../../src/core/tables.ts';
import { AliasIndex, withoutWords } from './aliases.ts';
import { byKey, cell, num, type Origin, readCsv, reqNum, rowError, validateRow } from './csv.ts';

/** Words dropped to match names across lists (`Intel(R) Xeon(R) Gold 6148 CPU` ~ `Xeon Gold 6148`). */
const VENDOR_WORDS = ['intel', 'amd', 'r', 'tm', 'processor', 'cpu'];

/**
 * codecarbon rows skipped, with the reason: unusable TDP cells upstream (a range whose dash was lost,
 * and a microcontroller listed at 0 W). Any other unparsable TDP fails the build.
 */
const SKIPPED_CODECARBON_ROWS: Readonly<Record<string, string>> = {
  'Intel Celeron 1000A': 'TDP cell "27.29.5"',
  'Intel Celeron 1100A': 'TDP cell "27.29.5"',
  'Intel Celeron 1200': 'TDP cell "29.32.9"',
  'Intel Celeron 1400': 'TDP cell "33.34.8"',
  'Intel Quark Microcontroller D1000': 'TDP 0 W',
};

interface Entry {
  name: string;
  tdpW: number;
  cores: number | null;
  source: 'codecarbon' | 'green-algorithms';
  at: Origin;
}

const cleanName = (s: string): string => s.replace(/\s+/g, ' ').trim();
const matchKey = (name: string): string => withoutWords(name, VENDOR_WORDS);

/** Canonical row of a group: codecarbon first, then names with a vendor word, then longest, then A–Z. */
function canonical(entries: Entry[]): Entry {
  const score = (e: Entry) =>
    [
      e.source === 'codecarbon' ? 0 : 1,
      /^(intel|amd)\b/i.test(e.name) ? 0 : 1,
      -e.name.length,
    ] as const;
  return [...entries].sort((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return (sa[i] ?? 0) - (sb[i] ?? 0);
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  })[0] as Entry;
}

function readGroups(): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const key = matchKey(e.name);
    if (key === '') throw rowError(e.at, `CPU name "${e.name}" is empty without vendor words`);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  };
  for (const row of readCsv('hardware/codecarbon/cpu_power.csv')) {
    const name = cleanName(cell(row, 'Name'));
    if (SKIPPED_CODECARBON_ROWS[name]) continue;
    add({ name, tdpW: reqNum(row, 'TDP'), cores: null, source: 'codecarbon', at: row });
  }
  for (const row of readCsv('hardware/green-algorithms/TDP_cpu.csv', { headerRows: 2 })) {
    const name = cleanName(cell(row, 'model'));
    if (name === 'Any') continue; // placeholder row (per-core default), not a CPU
    add({
      name,
      tdpW: reqNum(row, 'TDP'),
      cores: num(row, 'n_cores'),
      source: 'green-algorithms',
      at: row,
    });
  }
  return groups;
}

/** Hardware threads per socket of AWS platform CPUs (CCF aws-instances-cpus.csv, "vCPU per socket"). */
function threadsByKey(): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of readCsv('hardware/ccf/aws-instances-cpus.csv')) {
    map.set(matchKey(cell(row, 'CPU Name')), reqNum(row, 'Total Number of vCPU per socket'));
  }
  return map;
}

/** Cores and threads per chip from vendor spec pages (cpu_threads_curated.csv), by match key. */
function curatedByKey(): Map<string, { cores: number; threads: number; at: Origin }> {
  const map = new Map<string, { cores: number; threads: number; at: Origin }>();
  for (const row of readCsv('hardware/cpu_threads_curated.csv')) {
    const key = matchKey(cleanName(cell(row, 'name')));
    if (map.has(key)) throw rowError(row, `CPU "${cell(row, 'name')}" listed twice`);
    map.set(key, { cores: reqNum(row, 'cores'), threads: reqNum(row, 'threads'), at: row });
  }
  return map;
}

export function buildCpus(): Cpu[] {
  const threads = threadsByKey();
  const curated = curatedByKey();
  const index = new AliasIndex();
  const drafts: { value: Omit<Cpu, 'aliases'>; at: Origin; names: string[]; key: string }[] = [];
  for (const [key, entries] of readGroups()) {
    const main = canonical(entries);
    const listedCores = entries.find((e) => e.cores !== null)?.cores ?? null;
    const c = curated.get(key);
    // Two lists that disagree on a chip's make-up are a data error, not a choice to make silently.
    if (c && listedCores !== null && c.cores !== listedCores)
      throw rowError(c.at, `${main.name}: ${c.cores} cores here, ${listedCores} in the TDP lists`);
    const ccfThreads = threads.get(key);
    if (c && ccfThreads !== undefined && c.threads !== ccfThreads)
      throw rowError(
        c.at,
        `${main.name}: ${c.threads} threads here, ${ccfThreads} vCPUs per socket in CCF`,
      );
    curated.delete(key);
    drafts.push({
      at: main.at,
      key,
      names: entries.map((e) => e.name),
      value: {
        id: slugify(main.name),
        name: main.name,
        tdpW: main.tdpW, // codecarbon's figure when both lists have the CPU (they differ for a few SKUs)
        cores: listedCores ?? c?.cores ?? null,
        threads: ccfThreads ?? c?.threads ?? null,
        threadsSource: ccfThreads !== undefined ? 'ccf-coefficients' : c ? 'curated-cpus' : null,
        source: main.source,
      },
    });
  }
  // A curated row that matches no catalogue CPU is a typo, and would silently count for nothing.
  for (const [, c] of curated)
    throw rowError(c.at, 'CPU not in the TDP lists (codecarbon, Green Algorithms)');
  drafts.sort(byKey((d) => d.value.id));
  for (const d of drafts) {
    index.add(d.value.id, d.value.id, d.at); // ids must be unique and must not be another CPU's alias
    for (const n of [...d.names, d.key]) index.add(n, d.value.id, d.at);
  }
  return drafts.map((d) => {
    // Aliases hold the extra spellings; the normalised id and name resolve too (src/data adds them).
    const implicit = new Set([normalizeName(d.value.id), normalizeName(d.value.name)]);
    return validateRow(
      Cpu,
      { ...d.value, aliases: index.aliasesOf(d.value.id).filter((a) => !implicit.has(a)) },
      d.at,
    );
  });
}
