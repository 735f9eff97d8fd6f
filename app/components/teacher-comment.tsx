import type { ReactNode } from "react";
import { formatDateTime } from "~/components/ui";

export interface CommentVersionView {
  version: number;
  body: string;
  createdAt: string | Date;
}

/**
 * A teacher's comment as students and teachers see it: the latest version,
 * with earlier versions kept and readable below.
 */
export function TeacherCommentView({
  authorName,
  versions,
  note,
  children,
}: {
  authorName: string;
  versions: CommentVersionView[];
  /** A line under the heading: why the student got it (group feedback), or when they opened it (teacher). */
  note?: ReactNode;
  /** What can be done with the comment (set a learning goal from it). */
  children?: ReactNode;
}) {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const [latest, ...earlier] = ordered;
  if (!latest) return null;
  return (
    <div className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <p className="font-medium text-brand-800">
        {authorName} <span className="font-normal text-slate-700">· {formatDateTime(latest.createdAt)}</span>
        {earlier.length ? <span className="font-normal text-slate-700"> · edited</span> : null}
      </p>
      {note ? <p className="text-xs text-slate-700">{note}</p> : null}
      <p className="mt-1 whitespace-pre-wrap text-slate-900">{latest.body}</p>
      {earlier.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-700">Earlier versions ({earlier.length})</summary>
          <ol className="mt-2 space-y-2">
            {earlier.map((v) => (
              <li key={v.version} className="border-l-2 border-slate-300 pl-2">
                <p className="text-xs text-slate-700">
                  Version {v.version} · {formatDateTime(v.createdAt)}
                </p>
                <p className="whitespace-pre-wrap text-slate-800">{v.body}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {children}
    </div>
  );
}
