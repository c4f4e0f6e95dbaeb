/** The accounts list with create, update and delete; also feeds the link form's picker. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Account, AccountInput } from '../../api/types';
import { api } from '../session';

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));

export function useAccounts() {
  const accounts = ref<Account[]>([]);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      accounts.value = await call(api.GET('/api/accounts'));
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  /** Creates or replaces; throws ApiError (422 with field errors) for the form to show. */
  async function save(input: AccountInput, id: number | null): Promise<Account> {
    const saved =
      id === null
        ? await call(api.POST('/api/accounts', { body: input }))
        : await call(api.PUT('/api/accounts/{id}', { params: { path: { id } }, body: input }));
    const rest = accounts.value.filter((a) => a.id !== saved.id);
    accounts.value = id === null ? [...rest, saved] : accounts.value.map((a) => (a.id === saved.id ? saved : a));
    return saved;
  }

  async function remove(id: number): Promise<void> {
    await call(api.DELETE('/api/accounts/{id}', { params: { path: { id } } }));
    accounts.value = accounts.value.filter((a) => a.id !== id);
  }

  return { accounts, loading, error, load, save, remove };
}
