/**
 * The server's pre-flight verdicts: live for the unsaved draft (debounced
 * POST /api/preflight) and for the saved post after a save (GET). Stale
 * answers from slower earlier requests are dropped.
 */
import { computed, ref, watch } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Preflight } from '../../api/types';
import { errorText } from '../i18n';
import { type Draft, draftToInput } from '../lib/draft';
import { api } from '../session';

const DEBOUNCE_MS = 400;

export function usePreflight(draft: () => Draft) {
  const result = ref<Preflight | null>(null);
  const source = ref<'draft' | 'saved'>('draft');
  const checking = ref(false);
  const failure = ref<unknown>(null);
  /** Computed, not stored: a switch of language rewords it. */
  const error = computed(() => {
    const e = failure.value;
    return e === null ? null : e instanceof ApiError ? errorText(e) : String(e);
  });
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The input last checked, so a save does not trigger a second, identical draft check. */
  let lastKey = '';

  async function run(key: string, kind: 'draft' | 'saved', req: () => Promise<Preflight>): Promise<void> {
    const mine = ++seq;
    lastKey = key;
    checking.value = true;
    try {
      const r = await req();
      if (mine !== seq) return;
      result.value = r;
      source.value = kind;
      failure.value = null;
    } catch (e) {
      if (mine !== seq) return;
      failure.value = e;
    } finally {
      if (mine === seq) checking.value = false;
    }
  }

  const keyOf = (d: Draft): string => JSON.stringify(draftToInput(d));

  function checkDraft(): Promise<void> {
    const input = draftToInput(draft());
    return run(JSON.stringify(input), 'draft', () => call(api.POST('/api/preflight', { body: input })));
  }

  /** Verdicts for what is stored now; `saved` is the draft that was just saved or loaded. */
  function checkSaved(id: number, saved: Draft): Promise<void> {
    clearTimeout(timer);
    return run(keyOf(saved), 'saved', () =>
      call(api.GET('/api/posts/{id}/preflight', { params: { path: { id } } })),
    );
  }

  watch(
    () => keyOf(draft()),
    (key) => {
      clearTimeout(timer);
      if (key === lastKey) return;
      timer = setTimeout(() => {
        if (keyOf(draft()) !== lastKey) void checkDraft();
      }, DEBOUNCE_MS);
    },
    { immediate: true },
  );

  return { result, source, checking, error, checkSaved, checkDraft };
}
