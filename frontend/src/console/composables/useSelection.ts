/**
 * Row selection for a list and a bulk action over it: the pattern the post,
 * link, robot and task lists share. Items that leave the list leave the
 * selection too, so a bulk action never touches a row the operator cannot see.
 */
import { computed, ref, watch, type Ref } from 'vue';

export interface BulkResult<E = unknown> {
  done: number[];
  failed: { id: number; error: E }[];
}

/** Runs `op` for each id in turn (the server sees one request at a time) and reports each outcome. */
export async function runBulk(ids: number[], op: (id: number) => Promise<void>): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const id of ids) {
    try {
      await op(id);
      result.done.push(id);
    } catch (error) {
      result.failed.push({ id, error });
    }
  }
  return result;
}

export function useSelection(ids: Ref<number[]>) {
  const selected = ref<Set<number>>(new Set());
  const count = computed(() => selected.value.size);
  const allSelected = computed(() => ids.value.length > 0 && ids.value.every((id) => selected.value.has(id)));

  function toggle(id: number, on = !selected.value.has(id)): void {
    const next = new Set(selected.value);
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  }
  function toggleAll(): void {
    selected.value = allSelected.value ? new Set() : new Set(ids.value);
  }
  const clear = (): void => void (selected.value = new Set());

  watch(ids, (now) => {
    const keep = new Set(now);
    if ([...selected.value].some((id) => !keep.has(id))) {
      selected.value = new Set([...selected.value].filter((id) => keep.has(id)));
    }
  });

  return { selected, count, allSelected, toggle, toggleAll, clear, ids: () => [...selected.value] };
}
