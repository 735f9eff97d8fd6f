// What a failed Prisma write means, and the one retry it calls for, in one place.
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

/** A write refused because another row already holds a unique value (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a transaction, once more if a concurrent write took a unique pair first. */
export async function transactionRetryingOnce<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.$transaction(fn);
  }
}
