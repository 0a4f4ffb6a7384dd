export const ROLES = ['admin', 'officer', 'station_staff', 'employer', 'seeker'] as const;
export type Role = (typeof ROLES)[number];
