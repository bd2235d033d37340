/**
 * Who someone is in Shiftpass: a worker signs in with a badge + PIN; a manager also looks after the
 * workers of their own stores; an admin runs everything. The one list of roles, used by the database
 * schema, the HTTP contract, the evaluator and the console.
 */
export const ROLES = ['worker', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
