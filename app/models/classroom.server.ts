import { prisma } from "~/db.server";
import { generateJoinCode } from "~/domain/join-code";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

/** Creates a classroom with a fresh join code (retrying on the rare collision). */
export async function createClassroom(teacherId: string, name: string) {
  for (let tries = 0; ; tries++) {
    try {
      return await prisma.classroom.create({ data: { teacherId, name, joinCode: generateJoinCode() } });
    } catch (error) {
      if (tries < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export async function regenerateJoinCode(classroomId: string, teacherId: string) {
  for (let tries = 0; ; tries++) {
    try {
      const result = await prisma.classroom.updateMany({
        where: { id: classroomId, teacherId },
        data: { joinCode: generateJoinCode() },
      });
      return result.count === 1;
    } catch (error) {
      if (tries < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** A classroom the teacher owns, or null. */
export function findTeacherClassroom(classroomId: string, teacherId: string) {
  return prisma.classroom.findFirst({ where: { id: classroomId, teacherId } });
}
