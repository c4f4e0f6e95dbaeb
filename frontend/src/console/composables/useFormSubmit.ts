import { computed, ref } from 'vue';
import { ApiError, type FieldError } from '../../api/errors';
import { errorText } from '../i18n';

/**
 * A form's submission: `busy` while it runs, the API's error kept for the
 * fields the form shows errors under (`placed`), and one line (`generic`)
 * for anything else, e.g. a malformed `body` or a refused role.
 */
export function useFormSubmit(placed: readonly string[]) {
  const busy = ref(false);
  const error = ref<ApiError | null>(null);
  const errs = (field: string): FieldError[] => error.value?.errorsFor(field) ?? [];
  const generic = computed(() => {
    const e = error.value;
    return e && (!e.errors.length || e.errorsOutside(placed).length) ? errorText(e, placed) : null;
  });

  /** Runs `action`, keeping what it throws as the form's error. */
  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      await action();
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, errs, generic, run };
}
