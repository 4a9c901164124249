// `npm run validate`: every published case in both modes, then the public inference set, with summary figures per mode and tier.
import { readFileSync } from 'node:fs';
import { tables } from '../src/data/index.ts';
import type { CaseRun, Mode, ValidationCase } from '../test/validation/run-cases.ts';
import { formatRuns, graded as gradedRuns, median, runCase } from '../test/validation/run-cases.ts';
import {
  formatInferenceRuns,
  formatSummary,
  INFERENCE_TARGETS,
  loadInferenceCases,
  runInferenceCase,
  summarize,
} from '../test/validation/run-inference.ts';

const { cases } = JSON.parse(
  readFileSync(new URL('../test/validation/cases.json', import.meta.url), 'utf8'),
) as { cases: ValidationCase[] };

function summary(label: string, runs: readonly CaseRun[]): string {
  const graded = gradedRuns(runs);
  if (graded.length === 0) return `${label.padEnd(14)} no cases run`;
  const med = median(graded.map((r) => Math.abs(r.error!)));
  const inside = graded.filter((r) => r.inside).length;
  return `${label.padEnd(14)} cases ${String(graded.length).padStart(2)}  median |error| ${(med * 100).toFixed(1).padStart(5)} %  inside range ${inside}/${graded.length} (${((inside / graded.length) * 100).toFixed(0)} %)`;
}

for (const mode of ['full', 'planner'] as Mode[]) {
  const runs = cases.map((c) => runCase(c, mode, tables));
  console.log(
    `\n== ${mode === 'full' ? 'full inputs (everything the case publishes)' : 'planner inputs (hardware, count, hours, and where: cloud region, else zone or country)'}\n`,
  );
  console.log(formatRuns(runs));
  console.log('');
  console.log(summary(`${mode} all`, runs));
  for (const tier of ['A', 'B', 'C'])
    console.log(
      summary(
        `${mode} tier ${tier}`,
        runs.filter((r) => r.reliability === tier),
      ),
    );
}

{
  const inference = loadInferenceCases(
    readFileSync(new URL('../test/validation/inference-cases.json', import.meta.url), 'utf8'),
  );
  const runs = inference.map((c) => runInferenceCase(c, tables));
  console.log(
    '\n== inference: published per-query / per-token figures (test/validation/inference-cases.json), scope for scope\n',
  );
  console.log(formatInferenceRuns(runs));
  console.log('');
  console.log(formatSummary(summarize('inference all', runs)));
  for (const tier of ['A', 'B', 'C'])
    console.log(
      formatSummary(
        summarize(
          `inference tier ${tier}`,
          runs.filter((r) => r.reliability === tier),
        ),
      ),
    );
  console.log(
    `targets: median |error| ≤ ${INFERENCE_TARGETS.medianAbsError * 100} %, inside range ≥ ${INFERENCE_TARGETS.insideShare * 100} % (|error| = |ln(est/pub)| / ln 2: a factor of 2 is 100 %)`,
  );
}
