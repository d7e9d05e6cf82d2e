// Review (/review): editors decide what ingestion proposed. The queue of articles with pending
// proposals, the picked article (?source=) with every proposal's quotes marked, and accept / correct /
// reject of one proposal or of those picked, merge of a company proposal into a known company, and a
// partnership the article states that was not proposed, each with a reason; every decision is the
// server's revision.
import '../shared/styles.css';
import './review.css';
import { hideError, showError } from '../shared/banner';
import { byId, h, setBusy, setStatus } from '../shared/dom';
import { articleView, emphasise } from './article';
import { asEditor, forgetKey, keepKey, storedKey } from './key';
import { companiesInGraph, missedPartnershipForm } from './missed';
import { picked, proposalList, type Decide } from './proposals';
import {
  ACCEPT_PROPOSALS,
  CREATE_PARTNERSHIP,
  MERGE_PROPOSALS,
  REJECT_PROPOSALS,
  REVIEW_QUEUE,
  REVIEW_SOURCE,
} from './queries';
import type { CreatePartnershipInput } from '../__generated__/graphql';

const queue = byId('queue');
const article = byId('article');
const proposals = byId('proposals');
const missed = byId('missed');
const reason = byId<HTMLInputElement>('reason');
const decisionStatus = byId('decision-status');
const keyForm = byId<HTMLFormElement>('key-form');
const keyInput = byId<HTMLInputElement>('api-key');

let current: string | null = new URLSearchParams(window.location.search).get('source');

function showKeyState(): void {
  const kept = storedKey() !== null;
  keyForm.hidden = kept;
  byId('key-state').hidden = !kept;
}

async function loadQueue(): Promise<void> {
  setStatus(queue, 'loading', 'Loading the queue…');
  const { reviewQueue } = await asEditor(REVIEW_QUEUE);
  if (reviewQueue.length === 0) {
    setStatus(queue, 'empty', 'No article has proposals awaiting review.');
    return;
  }
  queue.replaceChildren(
    ...reviewQueue.map(({ source, pending }) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            className: source.id === current ? 'queue-item secondary current' : 'queue-item secondary',
            'data-source': source.id,
            'aria-current': source.id === current ? 'true' : undefined,
            onclick: () => void pick(source.id),
          },
          h('span', { className: 'queue-title' }, source.name),
          h(
            'span',
            { className: 'caption' },
            [source.publisher, source.published?.value].filter(Boolean).join(' · '),
            ` · ${pending} pending`,
          ),
        ),
      ),
    ),
  );
  setBusy(queue, false);
}

const decide: Decide = {
  accept: (ids, edits) =>
    void run(
      'Accepted',
      asEditor(ACCEPT_PROPOSALS, { input: { ids, edits, reason: why() } }).then((r) => r.acceptProposals),
    ),
  reject: (ids) =>
    void run(
      'Rejected',
      asEditor(REJECT_PROPOSALS, { input: { ids, reason: why() } }).then((r) => r.rejectProposals),
    ),
  merge: (id, into) =>
    void run(
      'Merged',
      asEditor(MERGE_PROPOSALS, { input: { merges: [{ id, into }], reason: why() } }).then((r) => r.mergeProposals),
    ),
  focus: (id) => emphasise(article, id),
};

function why(): string | null {
  return reason.value.trim() || null;
}

async function run(verb: string, decision: Promise<readonly unknown[]>): Promise<void> {
  hideError();
  setBusy(proposals, true);
  try {
    const count = (await decision).length;
    decisionStatus.textContent = `${verb} ${count} proposal${count === 1 ? '' : 's'}.`;
    await Promise.all([loadQueue(), current ? loadSource(current) : undefined]);
  } catch (err) {
    setBusy(proposals, false);
    showError(err);
  }
}

async function loadSource(id: string): Promise<void> {
  setStatus(article, 'loading', 'Loading the article…');
  setBusy(proposals, true);
  const { source, proposals: found } = await asEditor(REVIEW_SOURCE, { sourceId: id });
  if (!source) {
    setStatus(article, 'empty', `There is no article ${id}.`);
    proposals.replaceChildren();
    setBusy(proposals, false);
    return;
  }
  const text = articleView(source.text, found);
  article.replaceChildren(
    h('h3', {}, source.url ? h('a', { href: source.url, rel: 'noopener' }, source.name) : source.name),
    text,
  );
  setBusy(article, false);
  proposals.replaceChildren(proposalList(found, decide));
  proposals.dataset.source = id;
  setBusy(proposals, false);
  missed.replaceChildren(
    missedPartnershipForm(id, companiesInGraph(found), selectedInArticle, (input) => void addPartnership(input)),
  );
}

/** The words selected in the article, or nothing when the selection lies elsewhere on the page. */
function selectedInArticle(): string {
  const selection = window.getSelection();
  return selection && selection.rangeCount > 0 && article.contains(selection.anchorNode) ? selection.toString() : '';
}

async function addPartnership(input: CreatePartnershipInput): Promise<void> {
  hideError();
  try {
    const { createPartnership } = await asEditor(CREATE_PARTNERSHIP, { input: { ...input, reason: why() } });
    decisionStatus.textContent = `Added partnership ${createPartnership.name}.`;
    if (current) await loadSource(current);
  } catch (err) {
    showError(err);
  }
}

async function pick(id: string): Promise<void> {
  current = id;
  window.history.replaceState(null, '', `${window.location.pathname}?source=${encodeURIComponent(id)}`);
  for (const button of queue.querySelectorAll<HTMLElement>('button.queue-item')) {
    const chosen = button.dataset.source === id;
    button.classList.toggle('current', chosen);
    if (chosen) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  hideError();
  decisionStatus.textContent = '';
  await loadSource(id).catch((err: unknown) => {
    setStatus(article, 'error', 'The article could not be loaded.');
    showError(err, () => void pick(id));
  });
}

function decideOnPicked(action: 'accept' | 'reject'): void {
  const ids = picked(proposals);
  if (ids.length === 0) {
    decisionStatus.textContent = 'Tick the proposals to decide first.';
    return;
  }
  if (action === 'accept') decide.accept(ids, []);
  else decide.reject(ids);
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) return;
  keepKey(key);
  keyInput.value = '';
  showKeyState();
});
byId('forget-key').addEventListener('click', () => {
  forgetKey();
  showKeyState();
});
byId('accept-picked').addEventListener('click', () => decideOnPicked('accept'));
byId('reject-picked').addEventListener('click', () => decideOnPicked('reject'));

async function start(): Promise<void> {
  showKeyState();
  try {
    await loadQueue();
    if (current) await pick(current);
  } catch (err) {
    setStatus(queue, 'error', 'The queue could not be loaded.');
    showError(err, () => void start());
  }
  document.body.dataset.ready = 'true';
}

void start();
