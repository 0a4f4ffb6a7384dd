/**
 * The limits of a shortage: the HTTP API (CreateShortageRequest) and the workbook import (validateShortageRow) both
 * read them from here. Pairs are [min, max], inclusive; single numbers are a maximum (length or count).
 */
export const SHORTAGE_LIMITS = {
  externalRef: 64,
  title: [2, 60],
  headcount: [1, 10_000],
  wage: [1, 200_000],
  address: [4, 200],
  description: [10, 5000],
  shifts: 200,
  trainingOffered: 500,
  experienceYears: [0, 40],
  skills: 20,
  skillName: 32,
  certificates: 10,
} as const;
