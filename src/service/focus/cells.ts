// Reading FOCUS cells: absent values (empty or the literal NULL of CSV exports), decimals, tags.

/** A cell that holds no value: missing, empty or `NULL`. */
export function isNullCell(cell: string | undefined): boolean {
  return cell === undefined || cell === '' || cell === 'NULL';
}

/** A FOCUS decimal cell as a number; null when empty or not a finite number. */
export function toNumber(v: string | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  // Number('') and Number(' ') are 0: only a zero needs the blank check.
  return Number.isFinite(n) && (n !== 0 || v.trim() !== '') ? n : null;
}

/** The tag's value in a `Tags` JSON object cell; `(untagged)` when absent or unreadable. */
export function tagValue(tags: string | null, key: string | null): string {
  if (tags === null || key === null || !tags.includes(key)) return '(untagged)';
  try {
    const parsed: unknown = JSON.parse(tags);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const v = (parsed as Record<string, unknown>)[key];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    }
  } catch {
    // an unreadable Tags cell groups as untagged
  }
  return '(untagged)';
}
