/** API tokens (admin): list, create (the secret comes back once), revoke. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ApiToken, TokenCreated, TokenInput } from '../../api/team-types';
import { api } from '../session';

export function useTokens() {
  const tokens = ref<ApiToken[]>([]);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      tokens.value = (await call(api.GET('/api/tokens'))).items;
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      loading.value = false;
    }
  }

  async function create(input: TokenInput): Promise<TokenCreated> {
    const r = await call(api.POST('/api/tokens', { body: input }));
    tokens.value = [r.token, ...tokens.value];
    return r;
  }

  /** Revokes, then reloads: the list shows the token kept and marked revoked. */
  async function revoke(id: number): Promise<void> {
    await call(api.DELETE('/api/tokens/{id}', { params: { path: { id } } }));
    const now = new Date().toISOString();
    tokens.value = tokens.value.map((tk) => (tk.id === id ? { ...tk, revoked_at: tk.revoked_at ?? now } : tk));
    void load();
  }

  return { tokens, loading, error, load, create, revoke };
}
