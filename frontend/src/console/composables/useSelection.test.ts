import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { runBulk, useSelection } from './useSelection';

describe('useSelection', () => {
  it('toggles rows, selects all and none, and forgets rows that left the list', async () => {
    const ids = ref([1, 2, 3]);
    const sel = useSelection(ids);
    sel.toggle(2);
    expect(sel.ids()).toEqual([2]);
    sel.toggleAll();
    expect(sel.allSelected.value).toBe(true);
    expect(sel.count.value).toBe(3);
    ids.value = [1, 3];
    await nextTick();
    expect(sel.ids().sort()).toEqual([1, 3]);
    sel.toggleAll();
    expect(sel.count.value).toBe(0);
  });
});

describe('runBulk', () => {
  it('runs every id in turn and reports which failed, without stopping at the first failure', async () => {
    const seen: number[] = [];
    const result = await runBulk([1, 2, 3], async (id) => {
      seen.push(id);
      if (id === 2) throw new Error('in use');
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(result.done).toEqual([1, 3]);
    expect(result.failed.map((f) => f.id)).toEqual([2]);
  });
});
