// The text of a PDF that Chromium printed: each page's content streams inflated and its glyphs
// mapped back to Unicode through each font's ToUnicode CMap. Enough for Chromium's own output
// (Type0 fonts, Identity-H, `Tj` strings in hex), not a general PDF reader.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** Objects in file order; a stream is read as exactly /Length bytes (its data may end in CR or LF). */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(raw); m; m = header.exec(raw)) {
    const start = header.lastIndex;
    const end = raw.indexOf('endobj', start);
    const at = raw.indexOf('stream', start);
    if (at < 0 || at > end) {
      objects.set(Number(m[1]), { dict: raw.slice(start, end), stream: null });
      continue;
    }
    const dict = raw.slice(start, at);
    const from = at + (raw.startsWith('stream\r\n', at) ? 8 : 7);
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
    let stream = Buffer.from(raw.slice(from, from + length), 'latin1');
    if (/\/FlateDecode/.test(dict)) stream = inflateSync(stream);
    objects.set(Number(m[1]), { dict, stream });
    header.lastIndex = raw.indexOf('endobj', from + length);
  }
  return objects;
}

const utf16 = (hex: string) =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** Glyph code (hex) -> text, from `bfchar` and `bfrange` sections of a ToUnicode CMap. */
function readCmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(src!.toUpperCase(), utf16(dst!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const start = parseInt(dst!, 16);
      for (let code = parseInt(lo!, 16); code <= parseInt(hi!, 16); code++)
        map.set(
          code.toString(16).toUpperCase().padStart(4, '0'),
          String.fromCharCode(start + code - parseInt(lo!, 16)),
        );
    }
  return map;
}

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** Each page's text in reading order of its drawing operations (lines run together). */
export function pdfPagesText(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const tree = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  const kids = refs(/\/Kids\s*\[([^\]]*)\]/.exec(tree?.dict ?? '')?.[1] ?? '');
  return kids.map((id) => {
    const page = objects.get(id)!.dict;
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
      const cmapRef = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '')?.[1];
      const cmap = objects.get(Number(cmapRef))?.stream?.toString('latin1') ?? '';
      fonts.set(name!, readCmap(cmap));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    let text = '';
    let cmap = new Map<string, string>();
    for (const ref of refs(contents)) {
      const ops = objects.get(ref)?.stream?.toString('latin1') ?? '';
      for (const m of ops.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (m[1] !== undefined) cmap = fonts.get(m[1]) ?? new Map();
        else
          text += (m[2]!.match(/.{4}/g) ?? []).map((g) => cmap.get(g.toUpperCase()) ?? '').join('');
      }
    }
    return text;
  });
}
