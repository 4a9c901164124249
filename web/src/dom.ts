// Small DOM helpers shared by the page's modules.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

export type PanelState = 'loading' | 'ready' | 'unavailable' | 'error' | 'empty';

/**
 * Sets a result panel's state: its chart and tables show only when `ready`; otherwise a note says
 * why (`unavailable`: this server has no such endpoint; nothing is made up in its place).
 */
export function setPanelState(panelId: string, state: PanelState, message = ''): void {
  const panel = byId(panelId);
  panel.dataset.state = state;
  let note = panel.querySelector<HTMLElement>(':scope > .panel-note');
  if (!note) {
    note = el('p', '', 'panel-note');
    panel.querySelector('h2')?.after(note);
  }
  note.textContent = message;
  note.hidden = message === '';
  note.classList.toggle(
    'unavailable',
    state === 'unavailable' || state === 'error' || state === 'empty',
  );
  const body = panel.querySelector<HTMLElement>('.panel-body');
  if (body) body.hidden = state !== 'ready';
  const controls = panel.querySelector<HTMLElement>('.panel-controls');
  if (controls) controls.hidden = state !== 'ready';
}

/** Saves `text` as a file through a temporary link (no server round trip). */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
