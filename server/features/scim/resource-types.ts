/**
 * The resource types this SCIM service provider serves, for discovery (/ResourceTypes, /Schemas)
 * and for scimmy's schemas. One entry per resource; adding one (Groups) is one entry here plus its
 * routes in scim-app.ts.
 */
import SCIMMY from 'scimmy';

export interface ScimResourceType {
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: typeof SCIMMY.Types.Schema;
  extensions: { schema: typeof SCIMMY.Types.Schema; required: boolean }[];
}

// The enterprise extension (employeeNumber ↔ employeeId) travels with User, once per process.
let userExtended = false;
export function extendedUserSchema(): typeof SCIMMY.Schemas.User {
  if (!userExtended) {
    // scimmy's typings take an instance; it is the schema class that it expects and uses.
    SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as never, false);
    userExtended = true;
  }
  return SCIMMY.Schemas.User;
}

export const SCIM_RESOURCE_TYPES: readonly ScimResourceType[] = [
  {
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A person who signs in with a Shiftpass badge and PIN',
    schema: extendedUserSchema(),
    extensions: [{ schema: SCIMMY.Schemas.EnterpriseUser, required: false }],
  },
  {
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'A store: its people are its members',
    schema: SCIMMY.Schemas.Group,
    extensions: [],
  },
];
