/** Why the server refused to move an assignment, in words (422 naming the rule). */
import type { ApiError } from '../../api/errors';
import { errorText, t } from '../i18n';

const RULES = ['range', 'daily_window', 'min_gap', 'day_limit', 'future'] as const;

export function moveRefusal(e: ApiError): string {
  const rules = e.errors.map((f) => RULES.find((r) => r === f.rule)).filter((r) => r !== undefined);
  return rules.length ? rules.map((r) => t(`campaign.rule.${r}`)).join('；') : errorText(e);
}
