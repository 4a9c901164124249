// Formatters the report adds to format.ts: counts in words (format.ts's formatCount writes 10^n),
// a size as a compound adjective, a model's display name.
import { formatNumber } from './format.ts';

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A count in words for a reader: `7e9` -> `7 billion`, `2.5e12` -> `2.5 trillion`, `1500` -> `1,500`. */
export function countInWords(value: number): string {
  for (const [size, word] of SCALES)
    if (Math.abs(value) >= size && Math.abs(value) < size * 1000)
      return `${formatNumber(value / size)} ${word}`;
  return Math.abs(value) >= 1e15
    ? value.toExponential(2).replace(/e\+?/, ' × 10^')
    : formatNumber(value);
}

/** A count as a compound adjective: `7e9` -> `7-billion`. */
export const sizeWords = (value: number) => countInWords(value).replace(/ /g, '-');

/** A model's display name from the form's list, when it has been loaded; else the id as sent. */
export function modelName(id: string): string {
  const option = [...(document.getElementById('dl-models')?.querySelectorAll('option') ?? [])].find(
    (o) => o.value === id,
  );
  return option?.label && option.label !== id ? option.label : id;
}
