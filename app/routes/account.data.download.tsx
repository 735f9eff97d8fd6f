// The download of everything Rebound holds about the signed-in person: a zip
// of README.txt, data.json and CSV files (a resource route; decision 012).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { accountDownload, zipResponse } from "~/models/privacy.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const download = await accountDownload(user.id);
  if (!download) notFound("We couldn't find your account.");
  return zipResponse(download);
}
