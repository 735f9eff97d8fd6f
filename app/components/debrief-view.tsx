// The class debrief as it is projected: large type, high contrast, calm.
// Shows only what buildDebrief returns — misconceptions, anonymous answers,
// counts and prompts — never anything about a single student.
import { Link } from "@remix-run/react";
import type { Debrief, DebriefExample } from "~/domain/insight/debrief";
import { workedThroughLine } from "~/domain/insight/debrief";
import { plural } from "~/domain/words";
import { paths } from "~/utils/paths";

const EXAMPLE_CAPTION: Record<DebriefExample["kind"], (times: number) => string> = {
  MULTIPLE_CHOICE: (n) => `chosen ${n === 1 ? "once" : `${n} times`}`,
  NUMERIC: (n) => `given ${n === 1 ? "once" : `${n} times`}`,
  SHORT_TEXT: (n) => (n > 1 ? `written ${n} times` : ""),
};

function WorkedThrough({ met, workedThrough, present }: { met: number; workedThrough: number; present: boolean }) {
  const percent = met > 0 ? Math.round((workedThrough / met) * 100) : 0;
  return (
    <div className="rounded-lg border-2 border-emerald-700 bg-emerald-50 px-5 py-4 text-emerald-950">
      <p className={`font-semibold leading-snug ${present ? "text-2xl 2xl:text-3xl" : "text-2xl"}`}>{workedThroughLine({ met, workedThrough })}</p>
      {/* An SVG bar: its width is an attribute, not an inline style the Content-Security-Policy would refuse. */}
      <svg aria-hidden="true" className="mt-3 block h-4 w-full overflow-hidden rounded-full bg-white ring-1 ring-emerald-700 [print-color-adjust:exact]">
        <rect className="fill-emerald-700" x="0" y="0" height="100%" width={`${percent}%`} rx="8" />
      </svg>
      <p className={`mt-2 ${present ? "text-lg 2xl:text-xl" : "text-lg"}`}>
        {met - workedThrough > 0 ? `${met - workedThrough} still working on it — and that's fine.` : "Everyone who met it has worked through it."}
      </p>
    </div>
  );
}

/** On paper each section after the first idea starts a page of its own, without the screen's shadow. */
const PAGE = "print:break-before-page print:shadow-none";

/** Type sizes: already large for a projector; larger still in presentation mode on wide screens. */
function sizesFor(present: boolean) {
  return present
    ? {
        h1: "text-5xl 2xl:text-7xl",
        h2: "text-4xl 2xl:text-5xl",
        h3: "text-2xl 2xl:text-3xl",
        body: "text-xl 2xl:text-3xl",
        small: "text-lg 2xl:text-2xl",
        caption: "text-base 2xl:text-xl",
        // One section per screen, its content centred, like slides.
        slide: "flex min-h-[calc(100svh-5rem)] scroll-mt-4 flex-col justify-center print:block print:min-h-0",
      }
    : { h1: "text-4xl", h2: "text-3xl", h3: "text-2xl", body: "text-xl", small: "text-lg", caption: "text-base", slide: "scroll-mt-4" };
}

/** In presentation mode, a link to the next section (Tab, Enter: the next slide). */
function NextLink({ href, label, present }: { href: string | null; label: string; present: boolean }) {
  if (!present || !href) return null;
  return (
    <p className="mt-6 text-right text-lg">
      <a href={href} className="font-medium">
        Next: {label} <span aria-hidden="true">↓</span>
      </a>
    </p>
  );
}

export function DebriefView({ projectTitle, debrief, present }: { projectTitle: string; debrief: Debrief; present: boolean }) {
  const { h1, h2, h3, body, small, caption, slide } = sizesFor(present);
  const sections = [
    ...debrief.misconceptions.map((m, i) => ({ href: `#idea-${i + 1}`, label: `${i + 1}. ${m.name}` })),
    ...(debrief.learned.length ? [{ href: "#learned", label: "What we learned" }] : []),
    { href: "#questions", label: "Questions for all of us" },
  ];
  const after = (href: string) => sections[sections.findIndex((s) => s.href === href) + 1] ?? null;
  return (
    <div className="space-y-10 text-slate-950 print:space-y-0">
      {/* Dark on screen; dark ink on white on paper, where backgrounds are left out. */}
      <header
        className={`rounded-xl bg-slate-900 px-6 py-8 text-white sm:px-8 print:border-2 print:border-slate-900 print:bg-white print:text-slate-950 ${present ? "flex min-h-[calc(100svh-5rem)] flex-col justify-center px-12 print:min-h-0" : ""}`}
      >
        <p className={`font-medium text-slate-200 print:text-slate-800 ${small}`}>Class debrief · {projectTitle}</p>
        <h1 className={`mt-1 font-semibold tracking-tight ${h1}`}>What our “not yet”s taught us</h1>
        <p className={`mt-4 max-w-5xl text-slate-100 print:text-slate-900 ${body}`}>
          {debrief.recoveries > 0
            ? `Together we turned ${plural(debrief.recoveries, "“not yet”", "“not yet”s")} into “got it”. Every wrong answer here helped someone learn — no names, just ideas.`
            : "Every wrong answer here is an idea worth talking about — no names, just ideas."}
        </p>
        {sections.length > 1 ? (
          <nav aria-label="Debrief sections" className="mt-8">
            <ul className={`flex flex-wrap gap-2 ${present ? "text-lg 2xl:text-xl" : "text-base"}`}>
              {sections.map((s) => (
                <li key={s.href}>
                  <a href={s.href} className="inline-block rounded-full border border-slate-300 px-4 py-1.5 text-white no-underline hover:bg-slate-700 focus-visible:outline-white">
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>

      {debrief.misconceptions.length === 0 ? (
        <section aria-labelledby="nothing-yet" className="rounded-xl border border-slate-300 bg-white p-8">
          <h2 id="nothing-yet" className={`font-semibold ${h2}`}>
            Nothing to debrief yet
          </h2>
          <p className={`mt-3 text-slate-800 ${body}`}>No answer has shown a misconception so far. Come back once the class has made some attempts.</p>
        </section>
      ) : null}

      {debrief.misconceptions.map((m, i) => (
        <section key={m.misconceptionId} id={`idea-${i + 1}`} aria-labelledby={`idea-${i + 1}-title`} className={`rounded-xl border border-slate-300 bg-white p-6 shadow-sm sm:p-8 ${i > 0 ? PAGE : "print:mt-6 print:shadow-none"} ${slide}`}>
          <div className="grid gap-8 lg:grid-cols-5">
            <div className="lg:col-span-3">
              <p className={`font-medium text-brand-800 ${small}`}>
                Idea {i + 1} of {debrief.misconceptions.length}
              </p>
              <h2 id={`idea-${i + 1}-title`} className={`mt-1 font-semibold tracking-tight ${h2}`}>
                {m.name}
              </h2>
              {m.description ? <p className={`mt-3 text-slate-800 ${body}`}>{m.description}</p> : null}
              {m.checkpointTitles.length ? (
                <p className={`mt-3 text-slate-700 ${small}`}>Seen in: {m.checkpointTitles.join(" · ")}</p>
              ) : null}
            </div>
            <div className="lg:col-span-2">
              <WorkedThrough met={m.met} workedThrough={m.workedThrough} present={present} />
            </div>
          </div>

          <div className="mt-8 grid gap-8 lg:grid-cols-2">
            <div>
              <h3 className={`font-semibold ${h3}`}>Answers that showed this idea</h3>
              {m.examples.length ? (
                <ul className="mt-4 space-y-4">
                  {m.examples.map((e, k) => (
                    <li key={k} className="rounded-lg border-l-8 border-brand-600 bg-brand-50 px-5 py-4">
                      <p className={`font-medium ${body}`}>
                        {e.kind === "SHORT_TEXT" ? `“${e.text}”` : e.text}
                      </p>
                      <p className={`mt-1 text-slate-700 ${caption}`}>
                        {e.checkpointTitle}
                        {e.times > 0 && EXAMPLE_CAPTION[e.kind](e.times) ? ` · ${EXAMPLE_CAPTION[e.kind](e.times)}` : ""}
                      </p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className={`mt-4 text-slate-700 ${small}`}>No example answer to show for this idea.</p>
              )}
            </div>
            <div>
              <h3 className={`font-semibold ${h3}`}>Let&apos;s discuss</h3>
              <ol className={`mt-4 list-decimal space-y-4 pl-8 marker:font-semibold marker:text-brand-800 ${body}`}>
                {m.prompts.map((p) => (
                  <li key={p} className="pl-2">
                    {p}
                  </li>
                ))}
              </ol>
            </div>
          </div>
          <NextLink href={after(`#idea-${i + 1}`)?.href ?? null} label={after(`#idea-${i + 1}`)?.label ?? ""} present={present} />
        </section>
      ))}

      {debrief.learned.length ? (
        <section id="learned" aria-labelledby="learned-title" className={`rounded-xl border border-slate-300 bg-white p-6 shadow-sm sm:p-8 ${PAGE} ${slide}`}>
          <h2 id="learned-title" className={`font-semibold tracking-tight ${h2}`}>
            What we learned together
          </h2>
          <p className={`mt-2 text-slate-700 ${small}`}>From the journals of students who worked an idea through. Names are left out.</p>
          <ul className="mt-6 grid gap-6 lg:grid-cols-2">
            {debrief.learned.map((q, k) => (
              <li key={k}>
                <figure className="h-full rounded-lg bg-slate-100 px-6 py-5">
                  <blockquote className={`leading-snug ${body}`}>
                    <p>“{q.text}”</p>
                  </blockquote>
                  <figcaption className={`mt-3 text-slate-700 ${caption}`}>
                    On <span className="font-semibold text-slate-900">{q.misconceptionName}</span>
                    {q.question ? ` · answering “${q.question}”` : ""}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
          <NextLink href="#questions" label="Questions for all of us" present={present} />
        </section>
      ) : null}

      <section id="questions" aria-labelledby="questions-title" className={`rounded-xl border border-slate-300 bg-white p-6 shadow-sm sm:p-8 ${PAGE} ${slide}`}>
        <h2 id="questions-title" className={`font-semibold tracking-tight ${h2}`}>
          Questions for all of us
        </h2>
        <p className={`mt-2 text-slate-700 ${small}`}>A blameless look back: what the work taught us, not who was wrong.</p>
        <ol className={`mt-6 list-decimal space-y-4 pl-8 marker:font-semibold marker:text-brand-800 ${body}`}>
          {debrief.classQuestions.map((q) => (
            <li key={q} className="pl-2">
              {q}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Link in and out of presentation mode. */
export function PresentationToggle({ projectId, present }: { projectId: string; present: boolean }) {
  return present ? (
    <Link to={paths.debrief(projectId)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-base font-medium text-slate-900 no-underline hover:bg-slate-100">
      Leave presentation mode
    </Link>
  ) : (
    <Link to={paths.debrief(projectId, true)} className="rounded-md bg-brand-700 px-4 py-2 text-base font-medium text-white no-underline hover:bg-brand-800">
      Present to the class
    </Link>
  );
}
