/**
 * The approval workflow's calls, and the review queue (notes in review) that
 * the review page lists and the menu counts.
 */
import { ref } from 'vue';
import { call } from '../../api/client';
import type { ListQuery, Post } from '../../api/types';
import { api } from '../session';

const path = (id: number) => ({ params: { path: { id } } });

export const submitForReview = (id: number): Promise<Post> => call(api.POST('/api/posts/{id}/submit', path(id)));
export const approve = (id: number, comment?: string): Promise<Post> =>
  call(api.POST('/api/posts/{id}/approve', { ...path(id), body: comment ? { comment } : {} }));
export const requestChanges = (id: number, comment: string): Promise<Post> =>
  call(api.POST('/api/posts/{id}/request-changes', { ...path(id), body: { comment } }));

/** Notes waiting for a reviewer; shared, so the menu shows the page when any note is waiting. */
export const inReview = ref<Post[]>([]);

/** Reloads the queue (one page of up to 100 notes in review). */
export async function loadReviewQueue(): Promise<void> {
  const query: ListQuery = { limit: 100, review_status: 'in_review' };
  const page = await call(api.GET('/api/posts', { params: { query } }));
  inReview.value = page.items;
}

/** Drops a note from the queue once it has been dealt with. */
export function leaveQueue(id: number): void {
  inReview.value = inReview.value.filter((p) => p.id !== id);
}
