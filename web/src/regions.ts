// Region picker: a search box filtering a native <select> (keyboard and screen-reader friendly),
// grouped by provider, plus countries, over `GET /v1/regions`.

export interface RegionRow {
  id: string;
  provider: string;
  region: string;
  name: string;
  countryIso2: string | null;
  continent: string | null;
  gridZone: string | null;
}

/** Selected after the form is cleared. */
const DEFAULT_LOCATION = 'aws:us-east-1';

const PROVIDERS: Record<string, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function providerName(id: string): string {
  return PROVIDERS[id] ?? id;
}

export function countryName(iso2: string | null): string {
  if (!iso2) return '';
  try {
    return countryNames.of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}

interface Choice {
  value: string;
  label: string;
  group: string;
  haystack: string;
}

export class RegionPicker {
  private choices: Choice[] = [];
  private readonly select: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly count: HTMLElement;

  constructor(select: HTMLSelectElement, search: HTMLInputElement, count: HTMLElement) {
    this.select = select;
    this.search = search;
    this.count = count;
    search.addEventListener('input', () => this.render());
  }

  /** Loads the regions; countries come from the regions' own countries. */
  setRegions(regions: readonly RegionRow[]): void {
    const countries = new Map<string, string>();
    this.choices = regions.map((r) => {
      const country = countryName(r.countryIso2);
      if (r.countryIso2) countries.set(r.countryIso2, country);
      const group = providerName(r.provider);
      return {
        value: r.id,
        label: `${r.id} — ${r.name}${country ? `, ${country}` : ''}`,
        group,
        haystack: [r.id, r.name, country, r.countryIso2, group, r.continent, r.gridZone]
          .join(' ')
          .toLowerCase(),
      };
    });
    const byName = [...countries].sort((a, b) => a[1].localeCompare(b[1]));
    for (const [iso2, name] of byName) {
      this.choices.push({
        value: iso2,
        label: `${name} (${iso2}) — country average`,
        group: 'Countries',
        haystack: `${iso2} ${name} country`.toLowerCase(),
      });
    }
    this.render();
  }

  /** Makes sure `value` (a preset's `US`, a grid zone) can be selected even if not in the list. */
  ensure(value: string | undefined): void {
    if (!value || this.choices.some((c) => c.value === value)) return;
    this.choices.push({ value, label: value, group: 'Other', haystack: value.toLowerCase() });
    this.render();
  }

  get regionCount(): number {
    return this.choices.filter((c) => c.group !== 'Countries' && c.group !== 'Other').length;
  }

  private render(): void {
    const current = this.select.value;
    const words = this.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = this.choices.filter((c) => words.every((w) => c.haystack.includes(w)));
    const shown = this.choices.filter((c) => c.value === current || matching.includes(c));
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const choice of shown) {
      let group = groups.get(choice.group);
      if (!group) {
        group = document.createElement('optgroup');
        group.label = choice.group;
        groups.set(choice.group, group);
      }
      group.append(
        new Option(
          choice.label,
          choice.value,
          choice.value === DEFAULT_LOCATION,
          choice.value === current,
        ),
      );
    }
    this.select.replaceChildren(...groups.values());
    if (current) this.select.value = current;
    this.count.textContent =
      words.length === 0
        ? `${this.regionCount} regions of AWS, Google Cloud and Azure, plus countries`
        : `${matching.length} match “${this.search.value.trim()}”`;
  }
}
