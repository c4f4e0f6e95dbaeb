/**
 * `v-row-attrs`: data attributes on el-table's rows. el-table only lets a row
 * have classes, while the tests and the print styles find rows by
 * `data-testid` and their ids (`data-post-id`, `data-status`). The tables that
 * use it sort and filter their rows themselves (`sortable="custom"`,
 * `@filter-change`), so el-table draws exactly `rows`, in that order.
 */
import type { Directive } from 'vue';

export type RowAttrValue = string | number | boolean | null | undefined;
export interface RowAttrsBinding {
  rows: readonly unknown[];
  attrs: (row: never) => Record<string, RowAttrValue>;
}

/** The binding, typed by the rows (templates call it: `v-row-attrs="rowAttrs(rows, (r) => ...)"`). */
export function rowAttrs<T>(rows: readonly T[], attrs: (row: T) => Record<string, RowAttrValue>): RowAttrsBinding {
  return { rows, attrs: attrs as (row: never) => Record<string, RowAttrValue> };
}

function apply(table: HTMLElement, b: RowAttrsBinding): void {
  const trs = table.querySelectorAll<HTMLTableRowElement>('.el-table__body-wrapper tbody > tr.el-table__row');
  trs.forEach((tr, i) => {
    if (i >= b.rows.length) return;
    const attrs = (b.attrs as (row: unknown) => Record<string, RowAttrValue>)(b.rows[i]);
    for (const [name, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) tr.removeAttribute(name);
      else if (tr.getAttribute(name) !== String(v)) tr.setAttribute(name, String(v));
    }
  });
}

interface State {
  binding: RowAttrsBinding;
  observer: MutationObserver;
}
const states = new WeakMap<HTMLElement, State>();

export const vRowAttrs: Directive<HTMLElement, RowAttrsBinding> = {
  mounted(el, { value }) {
    // el-table redraws its body on its own schedule: follow the DOM, not our renders.
    // Setting attributes is not a watched mutation, so this never feeds itself.
    const state: State = { binding: value, observer: new MutationObserver(() => apply(el, state.binding)) };
    state.observer.observe(el, { childList: true, subtree: true, characterData: true });
    states.set(el, state);
    apply(el, value);
  },
  updated(el, { value }) {
    const state = states.get(el);
    if (state) state.binding = value;
    apply(el, value);
  },
  unmounted(el) {
    states.get(el)?.observer.disconnect();
    states.delete(el);
  },
};
