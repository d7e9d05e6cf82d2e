// Small DOM helpers shared by the dashboard and the explorer.
import { describeError } from './api';

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

/** `LETTER_OF_INTENT` → `Letter of intent`. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
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

let lastRetry: (() => void) | undefined;

/** Shows the page's error banner (role=alert) with a Retry button. */
export function showError(err: unknown, retry?: () => void): void {
  const banner = byId('error-banner');
  const { title, detail, code } = describeError(err);
  lastRetry = retry;
  banner.replaceChildren();
  append(
    banner,
    h('strong', {}, title),
    ' ',
    h('span', { className: 'error-detail' }, detail),
    ' ',
    h('code', { className: 'error-code', title: 'Error code' }, code),
    retry
      ? h(
          'button',
          {
            type: 'button',
            className: 'retry',
            onclick: () => {
              hideError();
              lastRetry?.();
            },
          },
          'Retry',
        )
      : null,
  );
  banner.hidden = false;
  banner.dataset.code = code;
}

export function hideError(): void {
  const banner = byId('error-banner');
  banner.hidden = true;
  banner.replaceChildren();
  delete banner.dataset.code;
}

/** Quotes one CSV field per RFC 4180 when it needs it. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Offers text as a file download. */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
