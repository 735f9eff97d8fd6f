// Pictures in questions (decision 020), answered only for the project they
// belong to: the project comes from the route's guard and is in the query.
import { prisma } from "~/db.server";

export async function imageResponse(projectId: string, imageId: string): Promise<Response | null> {
  const image = await prisma.questionImage.findFirst({ where: { id: imageId, projectId }, select: { mime: true, data: true } });
  if (!image) return null;
  return new Response(new Uint8Array(image.data), {
    headers: {
      "Content-Type": image.mime,
      "Content-Length": String(image.data.byteLength),
      // Signed-in content: a shared school computer keeps no copy (decision 009); the type is the picture's own.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
