/** A member's role in a workspace, as the API names it. */
export type Role = 'admin' | 'builder' | 'end-user';
