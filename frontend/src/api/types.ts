/**
 * Names for the API's shapes, derived from the generated `paths` rather than
 * `components`: paths are fixed by docs/api-contract.md, while component names
 * follow the server's Rust type names and may change without notice.
 */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Post = Json<paths['/api/posts/{id}']['get']['responses'][200]>;
export type PostPage = Json<paths['/api/posts']['get']['responses'][200]>;
export type PostInput = Json<NonNullable<paths['/api/posts']['post']['requestBody']>>;
export type PostUpdate = Json<NonNullable<paths['/api/posts/{id}']['put']['requestBody']>>;
export type PostType = Post['type'];
/**
 * The two note types. The schema types `type` as a plain string; the UI
 * narrows it once, here, and treats anything unknown as an image note.
 */
export type PostKind = 'normal' | 'video';
export const toKind = (t: string): PostKind => (t === 'video' ? 'video' : 'normal');
export type ListQuery = NonNullable<paths['/api/posts']['get']['parameters']['query']>;
export type Preflight = Json<paths['/api/preflight']['post']['responses'][200]>;
export type PreflightCheck = Preflight['checks'][number];
export type LoginResponse = Json<paths['/api/auth/login']['post']['responses'][200]>;
export type Me = Json<paths['/api/auth/me']['get']['responses'][200]>;
export type PostPreview = Json<paths['/api/post/preview/{id}']['get']['responses'][200]>;
export type PublishPayload = Json<paths['/api/post/publish/{id}']['get']['responses'][200]>;
export type ShareInfo = PublishPayload['shareInfo'];
export type VerifyConfig = PublishPayload['data'];
