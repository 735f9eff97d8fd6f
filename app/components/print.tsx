// What heads a page on paper or in a PDF: the class, the project, what the
// page is, and the date it was printed. Hidden on screen, where the app's own
// header and breadcrumbs say the same.
import { useEffect, useState } from "react";

function today(): string {
  return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

export function PrintHeader({ classroom, project, page }: { classroom: string; project: string; page: string }) {
  // Dated when rendered, and again just before printing (a page may stay open overnight).
  const [date, setDate] = useState(today);
  useEffect(() => {
    const update = () => setDate(today());
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, []);
  return (
    <div className="mb-4 hidden border-b-2 border-slate-900 pb-2 text-slate-900 print:block">
      <p className="font-semibold">
        {classroom} · {project}
      </p>
      <p className="text-sm">
        {page} · printed <span suppressHydrationWarning>{date}</span>
      </p>
    </div>
  );
}
