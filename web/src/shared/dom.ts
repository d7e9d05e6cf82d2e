// Small DOM helpers shared by the pages.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;

/** Creates an element; attributes starting with `on` become listeners, `false`/`null` are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'className') {
      node.className = String(value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/** Replaces a region's content by a status line (loading, empty, failed). */
export function setStatus(region: HTMLElement, kind: 'loading' | 'empty' | 'error', text: string): void {
  region.replaceChildren(
    h('p', { className: `status status-${kind}`, role: kind === 'loading' ? 'status' : undefined }, text),
  );
  region.setAttribute('aria-busy', kind === 'loading' ? 'true' : 'false');
}

export function setBusy(region: HTMLElement, busy: boolean): void {
  region.setAttribute('aria-busy', busy ? 'true' : 'false');
}
