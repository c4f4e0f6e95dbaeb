/**
 * Names for the API's shapes, derived from the generated `paths` rather than
 * `components`: paths are fixed by openapi/openapi.json, while component names
 * follow the server's Rust type names and may change without notice.
 */
import { accountKindValues, type components, type paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Post = Json<paths['/api/posts/{id}']['get']['responses'][200]>;
export type PostPage = Json<paths['/api/posts']['get']['responses'][200]>;
export type PostInput = Json<NonNullable<paths['/api/posts']['post']['requestBody']>>;
export type PostUpdate = Json<NonNullable<paths['/api/posts/{id}']['put']['requestBody']>>;
export type PostType = Post['type'];
/** The two note types (the `PostType` enum of the document). */
export type PostKind = components['schemas']['PostType'];
export type ListQuery = NonNullable<paths['/api/posts']['get']['parameters']['query']>;
export type Preflight = Json<paths['/api/preflight']['post']['responses'][200]>;
export type PreflightCheck = Preflight['checks'][number];
export type LoginResponse = Json<paths['/api/auth/login']['post']['responses'][200]>;
export type Me = Json<paths['/api/auth/me']['get']['responses'][200]>;
export type PostPreview = Json<paths['/api/post/preview/{id}']['get']['responses'][200]>;
export type PublishPayload = Json<paths['/api/post/publish/{id}']['get']['responses'][200]>;
export type ShareInfo = PublishPayload['shareInfo'];
export type VerifyConfig = PublishPayload['data'];

// Share links, accounts, records and statistics (issue 4).
export type Account = Json<paths['/api/accounts/{id}']['get']['responses'][200]>;
export type AccountInput = Json<NonNullable<paths['/api/accounts']['post']['requestBody']>>;
export type Link = Json<paths['/api/posts/{id}/links']['post']['responses'][201]>;
export type LinkInput = Json<NonNullable<paths['/api/posts/{id}/links']['post']['requestBody']>>;
export type Stats = Json<paths['/api/posts/{id}/stats']['get']['responses'][200]>;
export type Totals = Stats['totals'];
export type DayCounts = Stats['daily'][number];
export type ReasonCount = Stats['failures_by_reason'][number];
export type PublishRecord = Json<paths['/api/records/{id}/confirm']['put']['responses'][200]>;
/** What the public share page gets for `/s/{token}`. */
export type SharePage = Json<paths['/api/share/{token}']['get']['responses'][200]>;
export type EventInput = Json<NonNullable<paths['/api/share/{token}/events']['post']['requestBody']>>;
/** What `GET /api/share/{token}/publish` answers, tagged by `handoff` (`sdk`, `schema`, `url`, `copy_kit`). */
export type ShareHandout = Json<paths['/api/share/{token}/publish']['get']['responses'][200]>;

export type AccountKind = components['schemas']['AccountKind'];
/** The kinds an operator may give an account; robots come from the provider's sync. */
export const ACCOUNT_KINDS: readonly AccountKind[] = accountKindValues.filter((k) => k !== 'robot');

// The media library (issue 5).
export type Media = Json<paths['/api/media/{id}']['get']['responses'][200]>;
export type MediaPage = Json<paths['/api/media']['get']['responses'][200]>;
export type MediaKind = components['schemas']['MediaKind'];

// Robot fleets (issue 10).
export type Robot = Json<paths['/api/robots']['get']['responses'][200]>['items'][number];
export type RobotPage = Json<paths['/api/robots']['get']['responses'][200]>;
export type RobotQuery = NonNullable<paths['/api/robots']['get']['parameters']['query']>;
export type RobotBlock = components['schemas']['RobotBlock'];
export type Task = Json<paths['/api/tasks/{id}/retry']['post']['responses'][200]>;
export type TaskStatus = components['schemas']['TaskStatus'];
export type DispatchInput = Json<NonNullable<paths['/api/posts/{id}/dispatch']['post']['requestBody']>>;

// The operator's home page (issue 9).
export type Dashboard = Json<paths['/api/dashboard']['get']['responses'][200]>;

// Variants of a note, the people of a note (issue 19).
export type Variant = Json<paths['/api/posts/{id}/variants/{variant_id}']['put']['responses'][200]>;
export type VariantList = Json<paths['/api/posts/{id}/variants']['get']['responses'][200]>;
export type VariantInput = Json<NonNullable<paths['/api/posts/{id}/variants']['post']['requestBody']>>;
export type Person = Json<paths['/api/posts/{id}/people']['get']['responses'][200]>[number];
export type PersonStatus = components['schemas']['PersonStatus'];
export type Reminders = Json<paths['/api/posts/{id}/reminders']['get']['responses'][200]>;
export type Group = Json<paths['/api/groups']['get']['responses'][200]>[number];
export type AccountQuery = NonNullable<paths['/api/accounts']['get']['parameters']['query']>;
// Campaigns (issue 19).
export type Campaign = Json<paths['/api/campaigns/{id}']['get']['responses'][200]>;
export type CampaignPage = Json<paths['/api/campaigns']['get']['responses'][200]>;
export type CampaignInput = Json<NonNullable<paths['/api/campaigns']['post']['requestBody']>>;
export type CampaignStatus = components['schemas']['CampaignStatus'];
export type Pairing = components['schemas']['Pairing'];
export type Assignment = Json<paths['/api/campaigns/{id}/assignments']['get']['responses'][200]>['items'][number];
export type AssignmentQuery = NonNullable<paths['/api/campaigns/{id}/assignments']['get']['parameters']['query']>;
export type AssignmentStatus = components['schemas']['AssignmentStatus'];
export type CampaignProgress = Json<paths['/api/campaigns/{id}/progress']['get']['responses'][200]>;
export type StatusCounts = CampaignProgress['overall'];
export type CampaignReminders = Json<paths['/api/campaigns/{id}/reminders']['get']['responses'][200]>;
export type { Shortfall } from './errors';
