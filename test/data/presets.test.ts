// Every preset's estimate does what its words say: the devices, hours and units its name and
// description state, and a service never busier than the hours it runs.
import { describe, expect, it } from 'vitest';
import { presets } from '../../data/presets.ts';
import { tables } from '../../src/data/index.ts';
import { resolvePreset } from '../../src/core/presets.ts';
import { estimate } from '../helpers/estimator.ts';

interface Says {
  /** Words of the preset's name or description that state the figures below. */
  phrases: string[];
  gpus?: number;
  instances?: number;
  hours?: number;
  units?: number;
}

// Read off each preset's text by hand.
const SAYS: Record<string, Says> = {
  'llm-pretrain-7b': { phrases: ['on 1,024 A100 80GB GPUs'], gpus: 1024 },
  'llm-pretrain-70b': { phrases: ['on 2,048 H100 SXM GPUs'], gpus: 2048 },
  'llm-finetune-lora-8xh100': { phrases: ['(8 × H100 SXM) for 36 hours'], gpus: 8, hours: 36 },
  'llm-chat-inference': {
    phrases: ['one million requests a day', 'on two H100s for 24 hours'],
    gpus: 2,
    hours: 24,
    units: 1e6,
  },
  'image-generation': { phrases: ['on one H100: 100,000 images'], gpus: 1, units: 1e5 },
  'fraud-training-cpu-cluster': {
    phrases: ['16 × m6i.8xlarge for 6 hours'],
    instances: 16,
    hours: 6,
  },
  'transaction-anomaly-scoring': {
    phrases: ['50 million card transactions a day on 6 × c6i.2xlarge'],
    instances: 6,
    hours: 24,
    units: 5e7,
  },
  'blockchain-graph-analytics': {
    phrases: ['one p4d.24xlarge (8 × A100) for 12 hours'],
    instances: 1,
    gpus: 8,
    hours: 12,
  },
  'web-api-fleet-year': {
    phrases: ['20 × m6g.xlarge', 'a billion requests over a year'],
    instances: 20,
    hours: 8760,
    units: 1e9,
  },
};

describe('presets do what their text says', () => {
  it('every preset has its text read here', () => {
    expect(Object.keys(SAYS).sort()).toEqual(presets.map((p) => p.id).sort());
  });

  for (const preset of presets) {
    it(`${preset.id}: the figures its text states, and busy time within its hours`, () => {
      const says = SAYS[preset.id]!;
      for (const phrase of says.phrases)
        expect(`${preset.name} ${preset.description}`).toContain(phrase);
      const result = estimate(resolvePreset(preset.id, tables).workload, tables);
      if (says.gpus !== undefined) expect(result.resolved.gpu?.count).toBe(says.gpus);
      if (says.instances !== undefined)
        expect(result.resolved.instance?.count).toBe(says.instances);
      if (says.hours !== undefined) expect(result.durationHours).toBe(says.hours);
      if (says.units !== undefined) expect(result.sci?.units).toBe(says.units);
      if (result.ai?.busyHours != null)
        expect(result.ai.busyHours).toBeLessThanOrEqual(result.durationHours);
      // The wording of a service whose modelled work is longer than its hours (src/core/ai-inference.ts).
      expect(result.assumptions.join('\n')).not.toMatch(/taken as busy all/);
    });
  }

  it('llm-chat-inference: one H100 would need about the ~33 h its text says, so two serve the day', () => {
    const chat = resolvePreset('llm-chat-inference', tables);
    expect(chat.assumptions.join(' ')).toContain('one H100 would need ~33 h');
    expect(chat.assumptions.join(' ')).toContain('about 33 sequences each');
    // Without hours, the work at its most sequences at a time (the batch the text names).
    const { durationHours: _, ...unprovisioned } = chat.workload;
    const one = estimate({ ...unprovisioned, gpu: { model: 'H100 SXM', count: 1 } }, tables);
    expect(one.ai?.busyHours).toBeGreaterThan(33 * 0.9);
    expect(one.ai?.busyHours).toBeLessThan(33 * 1.1);
    const two = estimate(chat.workload, tables);
    expect(two.ai?.batchSize).toBeGreaterThan(33 * 0.9);
    expect(two.ai?.batchSize).toBeLessThan(33 * 1.1);
  });
});
