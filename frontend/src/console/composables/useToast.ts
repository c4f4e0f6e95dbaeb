import { h } from 'vue';
import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';

/**
 * One transient message at a time, through Element Plus's ElMessage. The text
 * sits in a `data-testid="toast"` span so tests and screen readers find it; a
 * new message replaces the one on screen.
 */
export type ToastKind = 'ok' | 'error';

export function showToast(text: string, kind: ToastKind = 'ok'): void {
  ElMessage.closeAll();
  ElMessage({
    message: h('span', { 'data-testid': 'toast', 'data-kind': kind }, text),
    type: kind === 'ok' ? 'success' : 'error',
    duration: 3500,
  });
}
