/**
 * Turns the three fields into `MdePartner-{Company}-{Product}/{Version}` (spec §1–§3), or into the
 * reasons it cannot. Pure. The value exists only when no field has an error, so a caller can never
 * send, copy or embed a rejected one: `value` is null instead.
 */
import { normalizeField, type FieldName, type FieldResult } from './normalize-field.ts';

/** Field values as they come (typed text, attributes, URL parameters); anything is stringified. */
export type UserAgentInput = { [field in FieldName]?: unknown };

export interface BuildResult {
  ok: boolean;
  value: string | null;
  fields: Record<FieldName, FieldResult>;
}

export const USER_AGENT_PREFIX = 'MdePartner-';

export function buildUserAgent(input: UserAgentInput): BuildResult {
  const fields = {
    company: normalizeField('company', input.company),
    product: normalizeField('product', input.product),
    version: normalizeField('version', input.version),
  };
  const ok = Object.values(fields).every((field) => !field.errors.length);
  return {
    ok,
    value: ok ? `${USER_AGENT_PREFIX}${fields.company.value}-${fields.product.value}/${fields.version.value}` : null,
    fields,
  };
}
