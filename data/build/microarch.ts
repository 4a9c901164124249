// CPU name -> microarchitecture -> CCF min/max watts per vCPU (coefficients-<provider>-use.csv).
// Mirrors CCF: several possible microarchitectures -> mean of their coefficients; unknown -> the
// provider's average across microarchitectures.
import { normalizeName } from '../../src/core/names.ts';
import { type Origin, readCsv, readList, reqNum, cell, rowError } from './csv.ts';

/** Microarchitecture list files (CCF ccf-coefficients data/) -> architecture name used in coefficient files. */
const LIST_FILES: Readonly<Record<string, string>> = {
  'microarch-amd-epyc-gen1.csv': 'EPYC 1st Gen',
  'microarch-amd-epyc-gen2.csv': 'EPYC 2nd Gen',
  'microarch-amd-epyc-gen3.csv': 'EPYC 3rd Gen',
  'microarch-amd-epyc-gen4.csv': 'EPYC 4th Gen',
  'microarch-amd-epyc-gen5.csv': 'EPYC 5th Gen',
  'microarch-amd-neoverse-n1.csv': 'Graviton2', // Neoverse N1 (Ampere Altra, Graviton2): CCF uses the Graviton2 row
  'microarch-intel-broadwell.csv': 'Broadwell',
  'microarch-intel-cascadelake.csv': 'Cascade Lake',
  'microarch-intel-coffeelake.csv': 'Coffee Lake',
  'microarch-intel-emeraldrapids.csv': 'Emerald Rapids',
  'microarch-intel-graniterapids.csv': 'Granite Rapids',
  'microarch-intel-haswell.csv': 'Haswell',
  'microarch-intel-icelake.csv': 'Ice Lake',
  'microarch-intel-ivybridge.csv': 'Ivy Bridge',
  'microarch-intel-sandybridge.csv': 'Sandy Bridge',
  'microarch-intel-sapphirerapids.csv': 'Sapphire Rapids',
  'microarch-intel-skylake-client.csv': 'Skylake',
  'microarch-intel-skylake-server.csv': 'Skylake',
  'microarch-intel-skylake.csv': 'Skylake',
};

/**
 * Names in CPU strings that state the microarchitecture outright. AMD code names are facts of the
 * EPYC generations (Naples 1st, Rome 2nd, Milan 3rd, Genoa 4th, Turin 5th).
 */
const KEYWORDS: Readonly<Record<string, string>> = {
  'sapphire rapids': 'Sapphire Rapids',
  'emerald rapids': 'Emerald Rapids',
  'granite rapids': 'Granite Rapids',
  'ice lake': 'Ice Lake',
  'cascade lake': 'Cascade Lake',
  'coffee lake': 'Coffee Lake',
  skylake: 'Skylake',
  broadwell: 'Broadwell',
  haswell: 'Haswell',
  'ivy bridge': 'Ivy Bridge',
  'sandy bridge': 'Sandy Bridge',
  graviton2: 'Graviton2',
  graviton3: 'Graviton3',
  graviton3e: 'Graviton3E',
  graviton4: 'Graviton4',
  naples: 'EPYC 1st Gen',
  rome: 'EPYC 2nd Gen',
  milan: 'EPYC 3rd Gen',
  genoa: 'EPYC 4th Gen',
  turin: 'EPYC 5th Gen',
};

export interface Watts {
  min: number;
  max: number;
}

const tokens = (s: string): string[] => normalizeName(s).split(' ').filter(Boolean);
function containsRun(hay: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++)
    if (needle.every((t, j) => hay[i + j] === t)) return true;
  return false;
}

export class Microarch {
  private readonly lists: { tokens: string[]; arch: string }[] = [];
  private readonly coefficients = new Map<string, Map<string, Watts>>();
  private readonly averages = new Map<string, Watts>();

  constructor() {
    for (const [file, arch] of Object.entries(LIST_FILES)) {
      for (const { name } of readList(`hardware/ccf/${file}`))
        this.lists.push({ tokens: tokens(name), arch });
    }
    for (const provider of ['aws', 'gcp', 'azure']) {
      const rows = readCsv(`hardware/ccf/coefficients-${provider}-use.csv`);
      const byArch = new Map<string, Watts>(
        rows.map((r) => [
          cell(r, 'Architecture'),
          { min: reqNum(r, 'Min Watts'), max: reqNum(r, 'Max Watts') },
        ]),
      );
      this.coefficients.set(provider, byArch);
      const all = [...byArch.values()];
      this.averages.set(provider, {
        min: mean(all.map((w) => w.min)),
        max: mean(all.map((w) => w.max)),
      });
    }
  }

  /** Possible microarchitectures of a CPU name; [] when unknown or ambiguous across lists. */
  archesOf(cpuName: string | null): string[] {
    if (!cpuName) return [];
    const t = tokens(cpuName);
    const named = [
      ...new Set(
        Object.entries(KEYWORDS)
          .filter(([k]) => containsRun(t, tokens(k)))
          .map(([, a]) => a),
      ),
    ];
    if (named.length > 0) return named.sort();
    let best: { len: number; arches: Set<string> } = { len: 0, arches: new Set() };
    for (const entry of this.lists) {
      if (entry.tokens.length === 0 || !containsRun(t, entry.tokens)) continue;
      if (entry.tokens.length > best.len)
        best = { len: entry.tokens.length, arches: new Set([entry.arch]) };
      else if (entry.tokens.length === best.len) best.arches.add(entry.arch);
    }
    return best.arches.size === 1 ? [...best.arches] : [];
  }

  /** Provider average across its microarchitectures (CCF's fallback for unknown CPUs). */
  average(provider: string): Watts {
    const avg = this.averages.get(provider === 'gcp' || provider === 'azure' ? provider : 'aws');
    if (!avg) throw new Error(`no coefficients for provider ${provider}`);
    return avg;
  }

  /**
   * Watts per vCPU for a provider and candidate architectures. An architecture missing from the
   * provider's file falls back to the AWS file (the most complete list, same SPECpower basis); OCI
   * and other providers without a CCF file use the AWS file.
   */
  watts(provider: string, arches: string[], at: Origin): Watts {
    const own = this.coefficients.get(provider);
    const aws = this.coefficients.get('aws');
    if (!aws) throw rowError(at, 'AWS coefficients missing');
    const found = arches
      .map((a) => own?.get(a) ?? aws.get(a))
      .filter((w): w is Watts => w !== undefined);
    if (found.length === 0) return this.average(provider);
    return { min: mean(found.map((w) => w.min)), max: mean(found.map((w) => w.max)) };
  }
}

export function mean(xs: number[]): number {
  if (xs.length === 0) throw new Error('mean of an empty list');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
