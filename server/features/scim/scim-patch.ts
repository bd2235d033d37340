/**
 * PATCH on a SCIM resource (RFC 7644 §3.5.2), the part Users and Groups share: refuse what may never
 * change before anything is applied, then let scimmy apply the operations (add/replace/remove,
 * filtered paths, no-path objects, Entra's capitalised ops) to the resource's current representation.
 * What changed is then written by each resource as a PUT would be.
 */
import SCIMMY from 'scimmy';
import { SCIM_MAX_PATCH_OPERATIONS } from '../../contracts/scim.js';
import { badRequest } from './scim-errors.js';

type Json = Record<string, unknown>;

/**
 * 400 `invalidValue` past the operation limit; 400 `mutability` when an operation names a
 * server-owned attribute (its path, or a key of a no-path value), as `readOnlyPathOf` says.
 */
export function refuseReadOnlyPatch(
  request: Json,
  readOnlyPathOf: (path: string) => string | null,
  resource: 'User' | 'Group',
): void {
  const operations = request.Operations;
  if (!Array.isArray(operations)) return;
  if (operations.length > SCIM_MAX_PATCH_OPERATIONS) {
    throw badRequest('invalidValue', `At most ${SCIM_MAX_PATCH_OPERATIONS} operations per PATCH.`);
  }
  for (const operation of operations as unknown[]) {
    if (typeof operation !== 'object' || operation === null) continue;
    const { path, value } = operation as { path?: unknown; value?: unknown };
    const fixed =
      typeof path === 'string'
        ? readOnlyPathOf(path)
        : path === undefined && typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (Object.keys(value)
              .map(readOnlyPathOf)
              .find((name) => name !== null) ?? null)
          : null;
    if (fixed) throw badRequest('mutability', `${fixed} cannot be changed on a ${resource}.`);
  }
}

/**
 * The resource after the PatchOp `request`, as plain JSON; undefined when the operations changed
 * nothing. scimmy's refusals (a bad path, a wrong type) reach `valueError`, which answers them.
 */
export async function applyScimPatch(
  request: Json,
  current: () => SCIMMY.Types.Schema,
  valueError: (error: unknown) => never,
): Promise<Json | undefined> {
  try {
    const message = new SCIMMY.Messages.PatchOp(request as never);
    const result = await message.apply(current());
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as Json);
  } catch (error) {
    return valueError(error);
  }
}
