import { ref } from 'vue';

/** One transient message at a time, at the bottom of the console. */
export interface Toast {
  text: string;
  kind: 'ok' | 'error';
}

export const toast = ref<Toast | null>(null);
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(text: string, kind: Toast['kind'] = 'ok'): void {
  toast.value = { text, kind };
  clearTimeout(timer);
  timer = setTimeout(() => (toast.value = null), 3500);
}
