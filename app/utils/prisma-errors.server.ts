// What a failed Prisma write means, in one place.
import { Prisma } from "~/generated/prisma/client";

/** A write refused because another row already holds a unique value (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
