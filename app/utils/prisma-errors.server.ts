import { Prisma } from "~/generated/prisma/client";

/** A write refused by a unique constraint: someone else got there first (a race, or a duplicate). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
