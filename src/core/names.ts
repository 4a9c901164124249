/**
 * Normalises a hardware name or alias for lookup: lower case, every run of characters other than
 * letters and digits folded to one space. `"H100 SXM5-80GB"` -> `"h100 sxm5 80gb"`.
 */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Stable slug from a name: `"NVIDIA H100 SXM"` -> `"nvidia-h100-sxm"`. */
export function slugify(name: string): string {
  return normalizeName(name).replace(/ /g, '-');
}
