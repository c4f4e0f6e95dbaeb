/**
 * "已发布？粘贴笔记链接": after a tap (or a manual publish), the account holder
 * may paste the published note's link back; the server checks it is an XHS
 * note link (422 otherwise, worded from its rule in the page's language).
 */
import { ApiError } from '../api/errors';
import { h, replace } from './dom';
import { retryText } from './notice';
import { fieldErrorText, type ShareStrings } from './strings';

/** The message for a failed confirm: on a 422, the field error worded from its rule. */
export function confirmError(s: ShareStrings, e: unknown): string {
  if (!(e instanceof ApiError)) return String(e);
  if (e.status === 422) {
    const f = e.errors[0];
    return f ? fieldErrorText(s, f) : s.confirmInvalid + e.detail;
  }
  if (e.code === 'rate_limited') return retryText(s, e.retryAfter);
  if (e.code === 'network') return s.network;
  return e.detail || e.code;
}

export function confirmPanel(s: ShareStrings, send: (noteUrl: string) => Promise<void>): HTMLElement {
  const panel = h('section', { class: 'panel confirm', testid: 'confirm-panel' });
  const input = h('input', {
    class: 'input',
    testid: 'confirm-input',
    attrs: { type: 'url', inputmode: 'url', required: '', placeholder: s.confirmPlaceholder, 'aria-label': s.confirmLabel },
  });
  const submit = h('button', { class: 'btn btn-primary', testid: 'confirm-submit', attrs: { type: 'submit' } }, s.confirmSubmit);
  const note = h('p', { class: 'small status-error', testid: 'confirm-status', attrs: { role: 'status' } });
  const form = h('form', { class: 'confirm-form', attrs: { novalidate: '' } }, input, submit, note);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const url = input.value.trim();
    if (!url) return input.focus();
    submit.disabled = true;
    replace(submit, s.confirmSending);
    replace(note);
    send(url).then(
      () => replace(panel, h('p', { class: 'status-ok', testid: 'confirm-done' }, s.confirmDone)),
      (e: unknown) => {
        submit.disabled = false;
        replace(submit, s.confirmSubmit);
        replace(note, confirmError(s, e));
      },
    );
  });

  const open = h('button', { class: 'link-btn', testid: 'confirm-toggle', attrs: { type: 'button' } }, s.confirmOffer);
  open.addEventListener('click', () => {
    replace(panel, h('h2', {}, s.confirmOffer), form);
    input.focus();
  });
  replace(panel, open);
  return panel;
}
