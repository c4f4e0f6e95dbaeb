/** The team's users (admin): list, invite, change role, disable or enable, reset a password. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { User, UserInput, UserUpdate } from '../../api/team-types';
import { api } from '../session';

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));

export function useUsers() {
  const users = ref<User[]>([]);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      users.value = (await call(api.GET('/api/users'))).items;
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  const replace = (u: User): void => {
    users.value = users.value.some((x) => x.id === u.id) ? users.value.map((x) => (x.id === u.id ? u : x)) : [...users.value, u];
  };

  /** Creates the user; returns the generated password (shown once) or null when one was given. */
  async function invite(input: UserInput): Promise<{ user: User; password: string | null }> {
    const r = await call(api.POST('/api/users', { body: input }));
    replace(r.user);
    return { user: r.user, password: r.password ?? null };
  }

  /** Role, disabled, or a password reset; returns the new password after a reset. */
  async function update(id: number, change: UserUpdate): Promise<{ user: User; password: string | null }> {
    const r = await call(api.PUT('/api/users/{id}', { params: { path: { id } }, body: change }));
    replace(r.user);
    return { user: r.user, password: r.password ?? null };
  }

  return { users, loading, error, load, invite, update };
}
