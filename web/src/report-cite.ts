// "How to cite": the report as a plain-text reference and a BibTeX entry, naming the methodology
// version, the date and the share link that reproduces it.

export interface Citation {
  workload: string;
  methodologyVersion: string;
  /** ISO 8601 instant the estimate was made. */
  generatedAt: string;
  shareUrl: string;
  methodologyUrl: string;
}

/** Plain-text reference, in the author–title–version–date–URL order of software citations. */
export function citeText(c: Citation): string {
  const day = c.generatedAt.slice(0, 10);
  return `gridshift (${day.slice(0, 4)}). Carbon estimate: ${c.workload}. Methodology version ${c.methodologyVersion}, estimated ${day}. ${c.shareUrl} (methodology: ${c.methodologyUrl}).`;
}

// BibTeX treats these as markup; escaped so a workload name cannot break the entry.
function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '^' || ch === '~' ? `\\${ch}{}` : `\\${ch}`,
  );
}

/** A @misc entry (biblatex reads `url` and `urldate`; plain BibTeX styles print `howpublished`). */
export function citeBibtex(c: Citation): string {
  const day = c.generatedAt.slice(0, 10);
  const key = `gridshift-${day}`;
  return [
    `@misc{${key},`,
    `  author       = {{gridshift}},`,
    `  title        = {Carbon estimate: ${escapeBibtex(c.workload)}},`,
    `  year         = {${day.slice(0, 4)}},`,
    `  note         = {Methodology version ${escapeBibtex(c.methodologyVersion)}, estimated ${day}. Methodology: \\url{${c.methodologyUrl}}},`,
    `  howpublished = {\\url{${c.shareUrl}}},`,
    `  url          = {${c.shareUrl}},`,
    `  urldate      = {${day}}`,
    `}`,
  ].join('\n');
}
