// The page's error banner (role=alert): what failed, in words an analyst can act on, and a Retry button.
import { describeError } from './api';
import { append, byId, h } from './dom';

let lastRetry: (() => void) | undefined;

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
